package io.watchfloor.extract;

/**
 * Direction in which a date without a year, a weekday or a bare month is resolved.
 * PAST: reported events, never after the publication date. FUTURE: announced or planned events.
 */
public enum Tense { PAST, FUTURE }
