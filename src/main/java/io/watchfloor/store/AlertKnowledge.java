package io.watchfloor.store;

import io.watchfloor.model.Evidence;

/**
 * What the caller already knows of one alert as the store holds it, so that a merge asks the store only what it does
 * not know: whether the alert holds a report or a source ({@code null}: unknown, ask the store), and whether the alert
 * as last seen is still the row on record (true only where no other writer can have changed it since).
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

    /** Whether the alert as last seen is the alert on record (so it need not be read again). */
    default boolean current() {
        return false;
    }
}
