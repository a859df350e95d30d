package io.watchfloor.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as admins write them: a number of bytes, or 512KB, 10MB, 2GB, 1TB (1 KB = 1024 bytes). */
public final class SizeDeserializer extends StdScalarDeserializer<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|tb)?");

    public SizeDeserializer() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        String text = p.getValueAsString();
        if (text == null) {
            return (Long) ctx.handleUnexpectedToken(Long.class, p);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return (Long) ctx.handleWeirdStringValue(Long.class, text, e.getMessage());
        }
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (write e.g. 500MB, 2GB, or a number of bytes)");
        }
        int shift = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            case "tb" -> 40;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("not a size: too large");
        }
        return n << shift;
    }

    /** A size the way the README writes it: 10MB rather than 10485760. */
    public static String human(long bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (40 - 10 * i);
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + " bytes";
    }
}
