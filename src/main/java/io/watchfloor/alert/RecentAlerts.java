package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertKnowledge;
import io.watchfloor.store.AlertStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this node last saw of the alerts it touched lately: the reports and sources each holds and its severity. A
 * rule raises the same situation again and again as its window fills (a spiral for each report of the week); most of
 * those add nothing, and this tells so without a trip to the store. Safe with several nodes: reports are never
 * removed and severities only rise, so what is known held here is held in the store too; anything unknown goes to the
 * store. Where this node is the store's only writer, it also knows what an alert does not hold, as long as it has
 * seen every report of it (it recorded the alert and the alert holds no more than it keeps per alert).
 */
final class RecentAlerts {
    private static final int MAX_ALERTS = 2_000;
    /** Per alert, the latest reports and sources remembered (a war's alert may hold thousands). */
    private static final int MAX_REPORTS = 256;

    /** {@code complete}: {@code reports} and {@code sources} are all the alert holds. */
    private record Known(Alert alert, Set<Long> reports, Set<String> sources, int held, boolean complete) { }

    private final Map<String, Known> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > MAX_ALERTS;
        }
    };

    /** The alert as last seen, when it is known to hold every one of {@code reports} at {@code severity} or above. */
    synchronized Optional<Alert> unchangedBy(String id, Severity severity, List<Evidence> reports) {
        Known k = known.get(id);
        if (k == null || severity.compareTo(k.alert().severity()) > 0) {
            return Optional.empty();
        }
        for (Evidence e : reports) {
            if (!k.reports().contains(key(e))) {
                return Optional.empty();
            }
        }
        return Optional.of(k.alert());
    }

    /** The alert as last seen, with how many reports it held then. */
    synchronized Optional<AlertStore.Seen> lastSeen(String id) {
        Known k = known.get(id);
        return k == null ? Optional.empty() : Optional.of(new AlertStore.Seen(k.alert(), k.held()));
    }

    /**
     * What is known of the alert for a merge; {@code soleWriter}: no one else writes the store, so an alert seen
     * whole is known whole, and as last seen it is the row on record.
     */
    synchronized AlertKnowledge knowledge(String id, boolean soleWriter) {
        Known k = known.get(id);
        if (k == null) {
            return AlertKnowledge.NOTHING;
        }
        boolean whole = soleWriter && k.complete();
        return new AlertKnowledge() {
            @Override
            public Boolean holdsReport(Evidence e) {
                return k.reports().contains(key(e)) ? Boolean.TRUE : whole ? Boolean.FALSE : null;
            }

            @Override
            public Boolean holdsSource(String sourceKey) {
                return k.sources().contains(sourceKey) ? Boolean.TRUE : whole ? Boolean.FALSE : null;
            }

            @Override
            public boolean current() {
                return soleWriter;
            }
        };
    }

    /**
     * Remembers the alert as it now is, holding {@code reports} among its {@code held} reports; {@code whole}: these
     * are all its reports (it was just recorded with them).
     */
    synchronized void seen(Alert alert, List<Evidence> reports, int held, boolean whole) {
        Known k = known.get(alert.id());
        Set<Long> keys = k != null ? k.reports() : new LinkedHashSet<>();
        Set<String> sources = k != null ? k.sources() : new LinkedHashSet<>();
        boolean complete = k != null ? k.complete() : whole;
        for (Evidence e : reports) {
            long key = key(e);
            keys.remove(key);
            keys.add(key);
            sources.add(e.sourceKey());
        }
        while (keys.size() > MAX_REPORTS) {
            keys.remove(keys.iterator().next());
            complete = false;
        }
        while (sources.size() > MAX_REPORTS) {
            sources.remove(sources.iterator().next());
            complete = false;
        }
        known.put(alert.id(), new Known(alert, keys, sources, held, complete && keys.size() == held));
    }

    synchronized void forgetAll() {
        known.clear();
    }

    /** A report's article and sentence as 64 bits: a war's alerts must not hold their sentences twice over. */
    private static long key(Evidence e) {
        long h = 1125899906842597L;
        for (String part : new String[] {e.articleId(), e.sentence()}) {
            for (int i = 0; i < part.length(); i++) {
                h = 31 * h + part.charAt(i);
            }
            h = h * 0x9E3779B97F4A7C15L + 1;
        }
        return h;
    }
}
