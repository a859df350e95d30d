package io.watchfloor.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Result of decoding a file's bytes.
 *
 * @param text     the decoded text, without any byte order mark
 * @param charset  the charset actually used: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252"
 * @param warnings problems worth telling the user about (e.g. the windows-1252 fallback), each naming the file
 */
public record DecodedText(String text, String charset, List<String> warnings) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        warnings = List.copyOf(warnings);
    }
}
