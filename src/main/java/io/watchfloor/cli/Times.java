package io.watchfloor.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as operators read them: ISO, UTC, to the second (nanoseconds help nobody on a watch floor). */
final class Times {
    private Times() { }

    static String second(Instant i) {
        return i == null ? "?" : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A time kept as text (the store's node facts): to the second when it parses, as it is otherwise. */
    static String second(String iso) {
        if (iso == null) {
            return "?";
        }
        try {
            return second(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
