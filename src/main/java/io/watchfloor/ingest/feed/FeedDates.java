package io.watchfloor.ingest.feed;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in feeds as feed readers read them: RFC 822 and its variants (day name or none, two-digit years, full month
 * names, zone names, military letters, numeric offsets with or without a colon, no seconds, no zone) and W3C / ISO
 * 8601 (date only, a space instead of 'T', a space before the zone, any number of fractional-second digits, no zone).
 * A missing zone is UTC. Fractions are fractions: {@code .972031} is 0.972031 s, never 972,031 ms.
 */
final class FeedDates {
    private static final Pattern W3C = Pattern.compile(
            "(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?"
                    + "(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
                    + "\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?(?:\\s*\\(.*\\))?");
    /** "Jan 18, 2024 10:00:00 +0000" and "Thu Jan 18 2024 ...": month before day. */
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?:[A-Za-z]{2,9},?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})"
                    + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
                    + "\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?");
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5 * 60), Map.entry("EDT", -4 * 60), Map.entry("CST", -6 * 60), Map.entry("CDT", -5 * 60),
            Map.entry("MST", -7 * 60), Map.entry("MDT", -6 * 60), Map.entry("PST", -8 * 60), Map.entry("PDT", -7 * 60),
            Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("EET", 120),
            Map.entry("EEST", 180), Map.entry("IST", 330), Map.entry("JST", 540), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("HKT", 480), Map.entry("SGT", 480), Map.entry("MSK", 180));

    private FeedDates() { }

    /** The instant a feed's date string names, or empty when it cannot be read. */
    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        try {
            Matcher m = W3C.matcher(s);
            if (m.matches() && (m.group(2) != null || s.length() == 4)) {
                return Optional.of(build(num(m.group(1)), m.group(2) == null ? 1 : num(m.group(2)),
                        m.group(3) == null ? 1 : num(m.group(3)), m.group(4), m.group(5), m.group(6), m.group(7),
                        m.group(8)));
            }
            m = RFC822.matcher(s);
            if (m.matches()) {
                Integer month = month(m.group(2));
                if (month != null) {
                    return Optional.of(build(year(m.group(3)), month, num(m.group(1)), m.group(4), m.group(5),
                            m.group(6), m.group(7), m.group(8)));
                }
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches()) {
                Integer month = month(m.group(1));
                if (month != null) {
                    return Optional.of(build(num(m.group(3)), month, num(m.group(2)), m.group(4), m.group(5),
                            m.group(6), m.group(7), m.group(8)));
                }
            }
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();   // 31 February, hour 25 ...
        }
        return Optional.empty();
    }

    private static Instant build(int year, int month, int day, String hour, String minute, String second,
                                 String fraction, String zone) {
        LocalDateTime t = LocalDateTime.of(year, month, day, hour == null ? 0 : num(hour),
                minute == null ? 0 : num(minute), second == null ? 0 : Math.min(59, num(second)));
        if (fraction != null) {
            // Any number of digits: a fraction of a second, cut to nanoseconds.
            int nanos = new BigDecimal("0." + fraction).movePointRight(9).intValue();
            t = t.withNano(nanos);
        }
        Integer offsetMinutes = offset(zone);
        if (offsetMinutes == null) {
            throw new DateTimeException("unknown zone " + zone);
        }
        return t.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    /** Minutes east of UTC; 0 when no zone is given (feed readers take UTC); null for an unknown zone name. */
    private static Integer offset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return 0;
        }
        char c = zone.charAt(0);
        if (c == '+' || c == '-') {
            String digits = zone.substring(1).replace(":", "");
            int h = Integer.parseInt(digits.substring(0, 2));
            int m = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            return (c == '-' ? -1 : 1) * (h * 60 + m);
        }
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.length() == 1) {
            return 0;   // military letters: RFC 1123 says their signs were published wrong; UTC is the safe reading
        }
        return ZONES.get(z);
    }

    /** The month whose English name starts with the first three letters of {@code name}, or null. */
    private static Integer month(String name) {
        if (name.length() < 3) {
            return null;
        }
        String abbreviation = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().startsWith(abbreviation)) {
                return m.getValue();
            }
        }
        return null;
    }

    private static int year(String y) {
        int v = num(y);
        if (y.length() == 2) {
            return v < 70 ? 2000 + v : 1900 + v;   // RFC 822's two-digit years, as RFC 2822 reads them
        }
        return v;
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
