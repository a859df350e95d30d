package io.watchfloor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert as watch officers see it.
 *
 * @param id       stable: the same situation gives the same id on every run and every node
 * @param sources  number of independent sources (outlets, else articles) behind the evidence
 */
public record Alert(String id, String rule, Category category, String type, Severity severity,
                    List<String> actors, LocalDate eventDate, String title, String summary,
                    List<Evidence> evidence, int sources) {
    public Alert {
        actors = List.copyOf(actors);
        evidence = List.copyOf(evidence);
    }

    /** Article ids behind the evidence, in first-seen order, without repeats. */
    public List<String> articles() {
        return evidence.stream().map(Evidence::articleId).distinct().toList();
    }
}
