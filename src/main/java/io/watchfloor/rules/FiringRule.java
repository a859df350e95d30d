package io.watchfloor.rules;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Which rule's consequence is running in a session, if any: what a time-out names, and where the drafts of a
 * consequence that throws begin (they are dropped with it).
 */
final class FiringRule extends DefaultAgendaEventListener {
    private final AlertSink sink;
    private volatile String running;
    private volatile String last;
    private int draftsBefore;

    FiringRule(AlertSink sink) {
        this.sink = sink;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        running = event.getMatch().getRule().getName();
        last = running;
        draftsBefore = sink.size();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        running = null;
    }

    /** The rule whose consequence is running now, or null (conditions are being matched, or nothing runs). */
    String running() {
        return running;
    }

    /** The last rule that fired, or null. */
    String last() {
        return last;
    }

    /** Drops what the consequence that just threw had raised: half an alert is no alert. */
    void discardFailedMatch() {
        sink.truncate(draftsBefore);
        running = null;
    }
}
