package io.watchfloor.model;

import java.time.LocalDate;

/**
 * A sentence behind an alert, with the article it came from.
 *
 * @param datedAtFetch the article's date is when its feed was fetched (the feed gave no readable date)
 */
public record Evidence(String sentence, String articleId, String articleTitle, String link,
                       LocalDate published, String sourceKey, boolean datedAtFetch) {
    public Evidence(String sentence, String articleId, String articleTitle, String link, LocalDate published,
                    String sourceKey) {
        this(sentence, articleId, articleTitle, link, published, sourceKey, false);
    }

    public static Evidence of(Signal s) {
        Article a = s.article();
        return new Evidence(s.evidence(), a.id(), a.title(), a.link(), a.published(), a.sourceKey(),
                a.datedAtFetch());
    }

    /** The publication date as shown to people: flagged when it is only the fetch time. */
    public String publishedText() {
        return datedAtFetch ? published + " (fetch time: the feed gave no readable date)" : published.toString();
    }
}
