package io.watchfloor.rules;

import io.watchfloor.model.Signal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells, as reports arrive, which are first reports of their event (see {@link SignalFact#isFirstReport()}): the
 * first of it held, or one published before every report of it held so far. One entry per event in the rules'
 * window.
 */
final class FirstReports {
    private final Map<String, LocalDate> earliestPublished = new HashMap<>();

    /** Whether {@code s}, arriving now, is a first report of its event. */
    boolean arrives(Signal s) {
        LocalDate published = s.article().published();
        LocalDate before = earliestPublished.get(SignalFact.eventOf(s));
        if (before != null && !published.isBefore(before)) {
            return false;
        }
        earliestPublished.put(SignalFact.eventOf(s), published);
        return true;
    }

    /** The rules no longer hold any report of {@code fact}'s event. */
    void forget(SignalFact fact) {
        earliestPublished.remove(fact.getEvent());
    }
}
