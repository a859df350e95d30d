package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertKnowledge;
import io.watchfloor.store.AlertStore;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this node last saw of the alerts it touched lately: the reports and sources each holds and its severity. A
 * rule raises the same situation again and again as its window fills (a spiral for each report of the week); most of
 * those add nothing, and this tells so without a trip to the store. Safe with several nodes: reports are never
 * removed and severities only rise, so what is known held here is held in the store too; anything unknown goes to the
 * store (a replay, the only writer of its store, decides in an {@link AlertBook} instead).
 *
 * <p>Every report key and source of an alert seen is kept, however many (a war's alert holds thousands, and its
 * rule raises the same reports again and again); the budget is on the whole: past {@code maxAlerts} alerts or {@code maxKeys}
 * keys, the alerts touched least recently are forgotten whole, and the store answers for them again. It is a cache:
 * the store stays the truth, and an empty memory (after a restart or a rollback) only means more questions to it.
 */
final class RecentAlerts {
    /** Alerts remembered at most: each also keeps the alert as it shows (up to 25 reports). */
    static final int MAX_ALERTS = 2_000;
    /**
     * Report keys and sources remembered at most over all alerts: 16 to 32 bytes a report key, about 50 a source
     * (an alert holds no more sources than reports), so at most about 80 MB.
     */
    static final int MAX_KEYS = 2_000_000;

    /** One alert as last seen, with reports and sources it is known to hold (not necessarily all of them). */
    private static final class Known {
        final ReportKeys reports = new ReportKeys();
        final Set<String> sources = new HashSet<>();
        Alert alert;
        int held;

        int keys() {
            return reports.size() + sources.size();
        }
    }

    private final int maxAlerts;
    private final int maxKeys;
    /** Least recently touched first. */
    private final Map<String, Known> known = new LinkedHashMap<>(256, 0.75f, true);
    private long keys;

    RecentAlerts() {
        this(MAX_ALERTS, MAX_KEYS);
    }

    RecentAlerts(int maxAlerts, int maxKeys) {
        this.maxAlerts = maxAlerts;
        this.maxKeys = maxKeys;
    }

    /** The alert as last seen, when it is known to hold every one of {@code reports} at {@code severity} or above. */
    synchronized Optional<Alert> unchangedBy(String id, Severity severity, List<Evidence> reports) {
        Known k = known.get(id);
        if (k == null || severity.compareTo(k.alert.severity()) > 0) {
            return Optional.empty();
        }
        for (Evidence e : reports) {
            if (!k.reports.contains(key(e))) {
                return Optional.empty();
            }
        }
        return Optional.of(k.alert);
    }

    /** The alert as last seen, with how many reports it held then. */
    synchronized Optional<AlertStore.Seen> lastSeen(String id) {
        Known k = known.get(id);
        return k == null ? Optional.empty() : Optional.of(new AlertStore.Seen(k.alert, k.held));
    }

    /**
     * What is known of the alert for a merge: which reports and sources it holds. What it does not hold is the
     * store's to say: another node may have added to it since.
     */
    synchronized AlertKnowledge knowledge(String id) {
        Known k = known.get(id);
        if (k == null) {
            return AlertKnowledge.NOTHING;
        }
        return new AlertKnowledge() {
            @Override
            public Boolean holdsReport(Evidence e) {
                return k.reports.contains(key(e)) ? Boolean.TRUE : null;
            }

            @Override
            public Boolean holdsSource(String sourceKey) {
                return k.sources.contains(sourceKey) ? Boolean.TRUE : null;
            }
        };
    }

    /** Remembers the alert as it now is, holding {@code reports} among its {@code held} reports. */
    synchronized void seen(Alert alert, List<Evidence> reports, int held) {
        Known k = known.get(alert.id());
        if (k == null) {
            k = new Known();
            known.put(alert.id(), k);
        } else {
            keys -= k.keys();
        }
        for (Evidence e : reports) {
            k.reports.add(key(e));
            k.sources.add(e.sourceKey());
        }
        k.alert = alert;
        k.held = held;
        keys += k.keys();
        forgetBeyondBudget();
    }

    private void forgetBeyondBudget() {
        Iterator<Known> eldest = known.values().iterator();
        while ((known.size() > maxAlerts || keys > maxKeys) && eldest.hasNext()) {
            keys -= eldest.next().keys();
            eldest.remove();
        }
    }

    synchronized void forgetAll() {
        known.clear();
        keys = 0;
    }

    private static long key(Evidence e) {
        return ReportKeys.of(e);
    }
}
