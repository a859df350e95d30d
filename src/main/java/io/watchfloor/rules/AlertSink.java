package io.watchfloor.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/** The global {@code alerts} that rules raise alerts on. Collects drafts for one evaluation. */
public final class AlertSink {
    private final List<AlertDraft> drafts = new ArrayList<>();

    /**
     * Starts an alert named after the rule that fires. Unless the rule names its evidence, the evidence is every
     * signal the rule's conditions matched, earliest event first (the order a watch officer reads a story in), and
     * signals of the same day in the order the rule's patterns name them ("a STRIKE by A on B is followed by a STRIKE
     * by B on A": A's first), never in the order they happened to arrive.
     */
    public AlertDraft raise(RuleContext ctx) {
        List<SignalFact> matched = new ArrayList<>();
        for (Object o : ctx.getMatch().getObjects()) {
            if (o instanceof SignalFact f) {
                matched.add(f);
            }
        }
        matched.sort(Comparator.comparingLong(SignalFact::getEventTime)); // stable: patterns' order within a day
        AlertDraft d = new AlertDraft(ctx.getRule().getName(), matched);
        drafts.add(d);
        return d;
    }

    int size() {
        return drafts.size();
    }

    /** Forgets the drafts raised after the first {@code size}. */
    void truncate(int size) {
        while (drafts.size() > size) {
            drafts.remove(drafts.size() - 1);
        }
    }

    /** The drafts raised since the last call, which clears them. */
    public List<AlertDraft> drain() {
        List<AlertDraft> out = List.copyOf(drafts);
        drafts.clear();
        return out;
    }
}
