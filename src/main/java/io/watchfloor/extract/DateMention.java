package io.watchfloor.extract;

import java.time.LocalDate;

/**
 * A date expression found in text.
 *
 * @param start     offset of the expression in the sentence (inclusive); leading prepositions ("on", "in", "since"...) are not part of it
 * @param end       offset just after the expression (exclusive)
 * @param date      the resolved date; for WEEK/MONTH/YEAR precision a representative day of that period
 * @param precision how precise {@code date} is
 * @param relative  true for deictic or anchored expressions ("yesterday", "on Tuesday", "the 16th", "two days later"),
 *                  false when the expression names a month or a year ("January 16", "in March", "in 1971", "2024-01-16")
 * @param text      {@code sentence.substring(start, end)}
 */
public record DateMention(int start, int end, LocalDate date, DatePrecision precision, boolean relative, String text) {}
