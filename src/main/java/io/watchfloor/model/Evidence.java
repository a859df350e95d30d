package io.watchfloor.model;

import java.time.LocalDate;

/** A sentence behind an alert, with the article it came from. */
public record Evidence(String sentence, String articleId, String articleTitle, String link,
                       LocalDate published, String sourceKey) {
    public static Evidence of(Signal s) {
        Article a = s.article();
        return new Evidence(s.evidence(), a.id(), a.title(), a.link(), a.published(), a.sourceKey());
    }
}
