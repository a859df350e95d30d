package io.watchfloor.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One event mention found in an article.
 *
 * @param type       what happened
 * @param actor      ISO 3166-1 alpha-3 code of who did it; null when the perpetrator is unknown or non-state (ATTACK)
 * @param target     ISO code of whom or where it was done to
 * @param eventDate  when it happened (resolved against the article's publication date)
 * @param planned    announced or planned, not yet happened: rules treat it as intent
 * @param evidence   the sentence it was found in
 * @param article    the article it came from
 * @param confidence in [0,1]
 */
public record Signal(SignalType type, String actor, String target, LocalDate eventDate, boolean planned,
                     String evidence, Article article, double confidence) {
    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(article, "article");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
        }
        if (!type.directed() && actor != null && actor.compareTo(target) > 0) {
            // Undirected types are reported as the pair in alphabetical order.
            String a = actor;
            actor = target;
            target = a;
        }
    }
}
