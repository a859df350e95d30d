package io.watchfloor.health;

import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SourceStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Judges the daemon's health from the store: sources whose last poll failed, an outbox backing up, and a rule change
 * that was refused (the last good rules still run, but the admin's edit did not take).
 */
public final class HealthCheck {
    private final SourceStateStore sources;
    private final OutboxStore outbox;
    private final int outboxLimit;
    private final Supplier<String> rulesProblem;

    /** {@code rulesProblem}: null when the current rules are what the admin last saved. */
    public HealthCheck(SourceStateStore sources, OutboxStore outbox, int outboxLimit, Supplier<String> rulesProblem) {
        this.sources = sources;
        this.outbox = outbox;
        this.outboxLimit = outboxLimit;
        this.rulesProblem = rulesProblem;
    }

    public Health check() {
        List<String> reasons = new ArrayList<>();
        for (var s : sources.all()) {
            if (s.lastError() != null) {
                reasons.add(s.kind() + " " + s.name() + " failing: " + s.lastError());
            }
        }
        int pending = outbox.countPending();
        if (pending > outboxLimit) {
            reasons.add("outbox backing up: " + pending + " messages pending (limit " + outboxLimit + ")");
        }
        String rules = rulesProblem.get();
        if (rules != null) {
            reasons.add("rules broken: " + rules);
        }
        return new Health(reasons.isEmpty() ? "ok" : "degraded", reasons);
    }
}
