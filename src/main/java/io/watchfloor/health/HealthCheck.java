package io.watchfloor.health;

import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SourceStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Judges the daemon's health from its checks: sources whose last poll failed, an outbox backing up, SMTP sends
 * failing, work that does not advance, a full data disk, a rule change that was refused, articles the rules set
 * aside. Degraded as soon as one check gives a reason.
 */
public final class HealthCheck {
    /** One aspect of health: the reasons it is not well, none when it is. */
    public interface Check {
        List<String> reasons();
    }

    private final List<Check> checks;

    public HealthCheck(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public Health check() {
        List<String> reasons = new ArrayList<>();
        for (Check c : checks) {
            try {
                reasons.addAll(c.reasons());
            } catch (RuntimeException e) {
                reasons.add("health check failed: " + e.getMessage());
            }
        }
        return new Health(reasons.isEmpty() ? "ok" : "degraded", reasons);
    }

    /** Folders and feeds whose last poll failed. */
    public static Check sources(SourceStateStore sources) {
        return () -> sources.all().stream().filter(s -> s.lastError() != null)
                .map(s -> s.kind() + " " + s.name() + " failing: " + s.lastError()).toList();
    }

    /** More than {@code limit} messages waiting to be sent. */
    public static Check outbox(OutboxStore outbox, int limit) {
        return () -> {
            int pending = outbox.countPending();
            return pending > limit ? List.of("outbox backing up: " + pending + " messages pending (limit " + limit
                    + ")") : List.of();
        };
    }

    /**
     * A rule change that was refused ({@code refused}: its first error, null when the rules on disk are the rules
     * running), and what went wrong while the rules ran ({@code incidents}).
     */
    public static Check rules(Supplier<String> refused, Supplier<List<String>> incidents) {
        return () -> {
            List<String> out = new ArrayList<>();
            String r = refused.get();
            if (r != null) {
                out.add("rules broken: " + r + " (the last good rules keep running)");
            }
            out.addAll(incidents.get());
            return out;
        };
    }
}
