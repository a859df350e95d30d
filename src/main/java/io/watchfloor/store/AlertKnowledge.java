package io.watchfloor.store;

import io.watchfloor.model.Evidence;

/**
 * What the caller already knows of one alert as the store holds it, so that a merge asks the store only what it does
 * not know: whether the alert holds a report or a source ({@code null}: unknown, ask the store).
 */
public interface AlertKnowledge {
    AlertKnowledge NOTHING = new AlertKnowledge() { };

    /** Whether the alert holds this report (its article's sentence); null when unknown. */
    default Boolean holdsReport(Evidence e) {
        return null;
    }

    /** Whether the alert holds a report from this source; null when unknown. */
    default Boolean holdsSource(String sourceKey) {
        return null;
    }
}
