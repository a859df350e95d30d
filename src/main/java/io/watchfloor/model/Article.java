package io.watchfloor.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news article, whatever its source (a text file or a feed item).
 *
 * @param id        stable identifier: the file path relative to the working directory, or the feed item's GUID/link
 * @param title     headline
 * @param body      body text, furniture removed, paragraphs separated by blank lines
 * @param published publication date (the reference for relative dates in the text)
 * @param link      URL of the original, or null
 * @param source    outlet or feed name, used to count independent sources; null when unknown
 * @param datedAtFetch the publication date is when a feed was fetched: the feed gave none, or none that could be
 *                     read (alerts resting on the article say so)
 */
public record Article(String id, String title, String body, LocalDate published, String link, String source,
                      boolean datedAtFetch) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(published, "published");
    }

    /** An article with its own publication date. */
    public Article(String id, String title, String body, LocalDate published, String link, String source) {
        this(id, title, body, published, link, source, false);
    }

    /** The same article without its text (for facts that must stay small); everything else kept. */
    public Article withoutBody() {
        return new Article(id, title, "", published, link, source, datedAtFetch);
    }

    /** Independent-source key: the outlet when known, else the article itself. */
    public String sourceKey() {
        return source != null && !source.isBlank() ? source.trim().toLowerCase(java.util.Locale.ROOT) : id;
    }
}
