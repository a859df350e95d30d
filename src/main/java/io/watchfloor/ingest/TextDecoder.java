package io.watchfloor.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a text file's bytes into a string, guessing the encoding the way a careful user would. */
public final class TextDecoder {
    /** How many leading bytes (or chars) are inspected for binary content. */
    static final int SNIFF = 8 * 1024;
    /** More than this share of control characters in the sniffed part means binary. */
    static final double MAX_CONTROL_SHARE = 0.10;

    private static final byte PLAIN = 0;
    private static final byte NUL = 1;
    private static final byte CONTROL = 2;
    private static final byte HIGH = 3;
    /** What each byte value is to the sniffing: control characters as {@link #checkControls} counts them. */
    private static final byte[] BYTE_KIND = byteKinds();

    /**
     * windows-1252 for bytes 0x80..0x9F. The five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
     * map to the same code point, as in ISO-8859-1, so decoding is lossless (Java's own windows-1252 decoder would
     * turn them into U+FFFD).
     */
    private static final char[] CP1252_HIGH = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    private TextDecoder() {
    }

    /**
     * Strips a BOM (UTF-8, UTF-16LE/BE: decodes UTF-16 accordingly); decodes strict UTF-8; on malformed UTF-8 falls
     * back to windows-1252 losslessly and adds a warning naming the file and the line and column of the first bad byte.
     *
     * @param bytes the file content
     * @param name  the file name used in warnings and errors
     * @throws BinaryFileException when the content looks binary (a NUL byte in the first 8 KiB without a UTF-16 BOM,
     *                             or a large share of control characters)
     */
    public static DecodedText decode(byte[] bytes, String name) {
        List<String> warnings = new ArrayList<>();
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return utf16(bytes, name, StandardCharsets.UTF_16LE, "UTF-16LE", warnings);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return utf16(bytes, name, StandardCharsets.UTF_16BE, "UTF-16BE", warnings);
        }
        int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // One look at each sniffed byte: a NUL ends it; in an all-ASCII start, bytes are the text's first chars, so
        // their control characters are counted here and the text need not be read again for them.
        int controls = 0;
        boolean ascii = true;
        int sniffed = Math.min(n, start + SNIFF);
        for (int i = start; i < sniffed; i++) {
            byte kind = BYTE_KIND[bytes[i] & 0xFF];
            if (kind != PLAIN) {
                if (kind == NUL) {
                    throw new BinaryFileException(name, "NUL byte at offset " + i
                            + "; if this is UTF-16 text, save it with a byte order mark");
                }
                controls += kind == CONTROL ? 1 : 0;
                ascii &= kind != HIGH;
            }
        }
        // The JDK's own decoding is fast and puts U+FFFD for every malformed byte: without one in its result, strict
        // decoding gives the same text; with one (bad bytes, or a U+FFFD written in the file), decode strictly.
        String lenient = new String(bytes, start, n - start, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            if (ascii) {
                checkShare(controls, sniffed - start, name);
            } else {
                checkControls(lenient, name);
            }
            return new DecodedText(lenient, "UTF-8", warnings);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, n - start);
        CharBuffer out = CharBuffer.allocate(n - start + 1);
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) {
            r = utf8.flush(out);
        }
        String text;
        String charset;
        if (r.isError()) {
            int bad = in.position();
            text = windows1252(bytes, start, n);
            charset = "windows-1252";
            warnings.add(name + ": not valid UTF-8 (first bad byte at " + position(bytes, start, bad)
                    + "); read as windows-1252");
        } else {
            out.flip();
            text = out.toString();
            charset = "UTF-8";
        }
        checkControls(text, name);
        return new DecodedText(text, charset, warnings);
    }

    private static DecodedText utf16(byte[] bytes, String name, Charset cs, String csName, List<String> warnings) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        String text;
        try {
            text = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, 2, bytes.length - 2, cs);
            warnings.add(name + ": not valid " + csName + " (odd length or unpaired surrogate);"
                    + " bad parts replaced with U+FFFD");
        }
        checkControls(text, name);
        return new DecodedText(text, csName, warnings);
    }

    private static void checkControls(String text, String name) {
        int len = Math.min(text.length(), SNIFF);
        if (len == 0) {
            return;
        }
        int controls = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new BinaryFileException(name, "NUL character at position " + i);
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                controls++;
            }
        }
        checkShare(controls, len, name);
    }

    private static void checkShare(int controls, int len, String name) {
        if (controls > len * MAX_CONTROL_SHARE) {
            throw new BinaryFileException(name, controls + " control characters in the first " + len + " characters");
        }
    }

    private static byte[] byteKinds() {
        byte[] kinds = new byte[256];
        for (int b = 0; b < 256; b++) {
            kinds[b] = b == 0 ? NUL : b >= 0x80 ? HIGH
                    : (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F ? CONTROL : PLAIN;
        }
        return kinds;
    }

    /** Lossless windows-1252 decoding of bytes[start, end) (also the fallback of feeds, which may hold NULs). */
    public static String windows1252(byte[] bytes, int start, int end) {
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            chars[i - start] = b >= 0x80 && b < 0xA0 ? CP1252_HIGH[b - 0x80] : (char) b;
        }
        return new String(chars);
    }

    /** "line L, column C" of byte offset {@code bad}; lines end at LF, CRLF or CR, columns count characters. */
    private static String position(byte[] bytes, int start, int bad) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        // Bytes from lineStart to bad are valid UTF-8: count code points; the bad byte is the next column.
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return "line " + line + ", column " + column;
    }
}
