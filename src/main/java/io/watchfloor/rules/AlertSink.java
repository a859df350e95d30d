package io.watchfloor.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/** The global {@code alerts} that rules raise alerts on. Collects drafts for one evaluation. */
public final class AlertSink {
    /** A draft and the arrival ({@link SignalFact#getSeq}) of each signal it matched, in the rule's pattern order. */
    private record Raised(AlertDraft draft, long[] arrivals) { }

    private final List<Raised> raised = new ArrayList<>();

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
        long[] arrivals = matched.stream().mapToLong(SignalFact::getSeq).toArray();
        matched.sort(Comparator.comparingLong(SignalFact::getEventTime)); // stable: patterns' order within a day
        AlertDraft d = new AlertDraft(ctx.getRule().getName(), matched);
        raised.add(new Raised(d, arrivals));
        return d;
    }

    int size() {
        return raised.size();
    }

    /** Forgets the drafts raised after the first {@code size}. */
    void truncate(int size) {
        while (raised.size() > size) {
            raised.remove(raised.size() - 1);
        }
    }

    /**
     * The drafts raised since the last call, which clears them: each rule's drafts together, in the order the rules
     * first fired, and one rule's in the order its signals arrived (the first pattern's signal, then the second's).
     * Which draft comes first decides which report dates a new alert and which join it; Drools fires one rule's
     * matches in an order of its own, which changes with how the rule is written (a join split into alternatives
     * fires alternative by alternative), so it is not left to decide.
     */
    public List<AlertDraft> drain() {
        Map<String, Integer> ruleOrder = new HashMap<>();
        for (Raised r : raised) {
            ruleOrder.putIfAbsent(r.draft().rule(), ruleOrder.size());
        }
        List<AlertDraft> out = raised.stream()
                .sorted(Comparator.<Raised>comparingInt(r -> ruleOrder.get(r.draft().rule()))
                        .thenComparing((x, y) -> Arrays.compare(x.arrivals(), y.arrivals())))
                .map(Raised::draft).toList();
        raised.clear();
        return out;
    }
}
