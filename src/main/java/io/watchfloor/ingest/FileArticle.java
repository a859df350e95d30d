package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An article read from a file, with what the store needs to notice changes.
 *
 * @param path     the file, as found (folder as given plus the relative part)
 * @param article  the parsed article; its id is {@code path} with '/' separators, normalised
 * @param sha256   lower-case hex SHA-256 of the file's bytes; when a sidecar exists, of the file's bytes followed by
 *                 a NUL byte and the sidecar's bytes (so editing either one changes it)
 * @param warnings warnings about this file (decoding, dates, sidecar)
 */
public record FileArticle(Path path, Article article, String sha256, List<String> warnings) {
    public FileArticle {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(sha256, "sha256");
        warnings = List.copyOf(warnings);
    }
}
