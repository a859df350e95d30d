package io.watchfloor.ingest.feed;

import io.watchfloor.ingest.TextDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes to text, as lenient feed readers decode them. The byte-order mark and UTF-16's own byte pattern
 * win over any label (so {@code encoding="u16"} or a wrong charset on a UTF-16 document does no harm); then the HTTP
 * charset, then the XML declaration; an unknown name, or bytes not valid in the named encoding, fall back as article
 * files do (UTF-8 when the bytes are UTF-8, else windows-1252, losslessly); UTF-8 labelled as a single-byte charset
 * is read as UTF-8. Every guess is noted.
 */
final class FeedCharset {
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']{1,60})[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private FeedCharset() { }

    /** The text of the document, without a byte-order mark; notes go to {@code notes}. */
    static String decode(byte[] b, String contentType, List<FeedNote> notes) {
        int n = b.length;
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return utf16or32(b, 4, Charset.forName("UTF-32LE"), notes);
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return utf16or32(b, 4, Charset.forName("UTF-32BE"), notes);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return utf16or32(b, 2, StandardCharsets.UTF_16LE, notes);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return utf16or32(b, 2, StandardCharsets.UTF_16BE, notes);
        }
        // UTF-16 without a BOM shows itself by the zero byte beside each ASCII character of "<?xml" or "<rss".
        if (n >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return utf16or32(b, 0, StandardCharsets.UTF_16LE, notes);
        }
        if (n >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0) {
            return utf16or32(b, 0, StandardCharsets.UTF_16BE, notes);
        }
        int start = n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        String declared = match(DECLARED, new String(b, start, Math.min(n - start, 300), StandardCharsets.ISO_8859_1));
        String http = contentType == null ? null : match(HTTP_CHARSET, contentType);
        String label = http != null ? http : declared;
        boolean utf8 = valid(b, start, StandardCharsets.UTF_8);
        if (label == null || isUtf8Name(label)) {
            return utf8 ? new String(b, start, n - start, StandardCharsets.UTF_8)
                    : fallback(b, start, label == null ? "UTF-8 (no encoding declared)" : label, notes);
        }
        Charset cs = charset(label);
        if (cs == null) {
            notes.add(new FeedNote("encoding", "unknown encoding '" + label + "'; read as "
                    + (utf8 ? "UTF-8" : "windows-1252")));
            return utf8 ? new String(b, start, n - start, StandardCharsets.UTF_8) : TextDecoder.windows1252(b, start, n);
        }
        if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
            // Labelled UTF-16 but the bytes are single-byte (no zero bytes where ASCII would be): the label is wrong.
            notes.add(new FeedNote("encoding", "labelled " + label + " but the bytes are not; read as "
                    + (utf8 ? "UTF-8" : "windows-1252")));
            return utf8 ? new String(b, start, n - start, StandardCharsets.UTF_8) : TextDecoder.windows1252(b, start, n);
        }
        if (utf8 && hasHighBytes(b) && isSingleByte(cs)) {
            // A common CMS mistake: reading UTF-8 as declared would turn every accented letter into two wrong ones.
            notes.add(new FeedNote("encoding", "declared " + label + " but the bytes are UTF-8; read as UTF-8"));
            return new String(b, start, n - start, StandardCharsets.UTF_8);
        }
        if (valid(b, start, cs)) {
            return new String(b, start, n - start, cs);
        }
        return fallback(b, start, label, notes);
    }

    private static String fallback(byte[] b, int start, String label, List<FeedNote> notes) {
        notes.add(new FeedNote("encoding", "bytes not valid as " + label + "; read as windows-1252"));
        return TextDecoder.windows1252(b, start, b.length);
    }

    private static String utf16or32(byte[] b, int start, Charset cs, List<FeedNote> notes) {
        if (!valid(b, start, cs)) {
            notes.add(new FeedNote("encoding", "not valid " + cs.name() + " (odd length or unpaired surrogate);"
                    + " bad parts replaced with U+FFFD"));
        }
        // The declaration inside says UTF-16, u16, or anything: the bytes have spoken; a Reader ignores it.
        return new String(b, start, b.length - start, cs);
    }

    private static Charset charset(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("u16") || l.equals("utf16") || l.equals("ucs-2") || l.equals("ucs2")) {
            return StandardCharsets.UTF_16;
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean isUtf8Name(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        return l.equals("utf-8") || l.equals("utf8");
    }

    private static boolean isSingleByte(Charset cs) {
        return cs.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    private static boolean valid(byte[] b, int start, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte x : bytes) {
            if (x < 0) {
                return true;
            }
        }
        return false;
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1).trim() : null;
    }
}
