package io.watchfloor.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the two encoding accidents common in feeds: UTF-8 encoded twice ("CafÃ©", "itâ€™s": UTF-8 bytes read as
 * windows-1252 and encoded again) and windows-1252 punctuation carried as C1 control characters (U+0092 for a right
 * quote: a windows-1252 byte read as ISO-8859-1). Text without either comes back unchanged.
 */
final class Mojibake {
    /** windows-1252's characters for bytes 0x80..0x9F (undefined bytes keep their code point). */
    private static final String CP1252_HIGH = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160"
            + "\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";
    /** A character that stands for a UTF-8 continuation byte (0x80..0xBF) once read as windows-1252 or Latin-1. */
    private static final String CONT = "[\\u0080-\\u00BF" + CP1252_HIGH + "]";
    private static final Pattern DOUBLE = Pattern.compile(
            "[\\u00C2-\\u00DF]" + CONT + "|[\\u00E0-\\u00EF]" + CONT + "{2}|[\\u00F0-\\u00F4]" + CONT + "{3}");

    private Mojibake() { }

    static String mend(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = s;
        if (hasAny(out, '\u00C2', '\u00F4')) {
            out = undouble(out);
        }
        if (hasAny(out, '\u0080', '\u009F')) {
            StringBuilder sb = new StringBuilder(out.length());
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                sb.append(c >= 0x80 && c <= 0x9F ? CP1252_HIGH.charAt(c - 0x80) : c);
            }
            out = sb.toString();
        }
        return out;
    }

    private static String undouble(String s) {
        Matcher m = DOUBLE.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String fixed = asUtf8(m.group());
            if (fixed == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            sb.append(s, last, m.start()).append(fixed);
            last = m.end();
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** The characters as the bytes they were read from, decoded as UTF-8; null when that is not valid UTF-8. */
    private static String asUtf8(String chars) {
        byte[] b = new byte[chars.length()];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            int at = CP1252_HIGH.indexOf(c);
            b[i] = (byte) (c <= 0xFF ? c : 0x80 + at);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasAny(String s, char from, char to) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= from && c <= to) {
                return true;
            }
        }
        return false;
    }
}
