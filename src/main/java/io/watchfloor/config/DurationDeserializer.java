package io.watchfloor.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as admins write them: 30s, 5m, 1h, 2d, 500ms, or ISO-8601 (PT5M); positive. */
public class DurationDeserializer extends StdScalarDeserializer<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final boolean zeroAllowed;

    public DurationDeserializer() {
        this(false);
    }

    DurationDeserializer(boolean zeroAllowed) {
        super(Duration.class);
        this.zeroAllowed = zeroAllowed;
    }

    /** For waits that may be left out altogether: 0s is allowed. */
    public static final class ZeroOrMore extends DurationDeserializer {
        public ZeroOrMore() {
            super(true);
        }
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        String text = p.getValueAsString();
        if (text == null) {
            return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
        }
        try {
            return parse(text, zeroAllowed);
        } catch (IllegalArgumentException e) {
            return (Duration) ctx.handleWeirdStringValue(Duration.class, text, e.getMessage());
        }
    }

    public static Duration parse(String text) {
        return parse(text, false);
    }

    /** Parses a duration; zero only when {@code zeroAllowed}, never negative. */
    public static Duration parse(String text, boolean zeroAllowed) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration (write e.g. 30s, 5m, 1h)");
            }
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw new IllegalArgumentException(zeroAllowed ? "must not be negative" : "must be positive");
        }
        return d;
    }

    /** A duration the way admins write it: 500ms, 30s, 5m, 2h, 1d. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        for (long[] unit : new long[][] {{86_400, 'd'}, {3600, 'h'}, {60, 'm'}}) {
            if (s > 0 && s % unit[0] == 0) {
                return s / unit[0] + String.valueOf((char) unit[1]);
            }
        }
        return s + "s";
    }
}
