package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.store.AlertStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Corroboration and deduplication: an alert for a situation already on record (same rule, type and actors, event
 * dates within a few days) merges into it and counts its sources, instead of becoming a second alert. Every
 * decision is committed to the store before it is returned, so nothing is announced that is not recorded.
 */
public final class AlertCorrelator {
    private final AlertStore store;
    private final int corroborationDays;
    private final RecentAlerts recent;
    /** Set where this correlator is the only writer of a store that was empty when it began; else null. */
    private final SituationIndex situations;
    private boolean broken;

    public AlertCorrelator(AlertStore store, int corroborationDays) {
        this(store, corroborationDays, false);
    }

    /**
     * @param soleWriter no one else writes this store (a replay's scratch store): the lookups that decide an alert
     *                   are answered from memory where it knows the answer, and the store is written, not read
     */
    public AlertCorrelator(AlertStore store, int corroborationDays, boolean soleWriter) {
        this(store, corroborationDays, soleWriter, new RecentAlerts());
    }

    /** @param recent the memory of recent alerts, with its budget */
    AlertCorrelator(AlertStore store, int corroborationDays, boolean soleWriter, RecentAlerts recent) {
        this.store = store;
        this.recent = recent;
        this.corroborationDays = corroborationDays;
        this.situations = soleWriter && store.count() == 0 ? new SituationIndex() : null;
    }

    /**
     * Decides a batch (what the rules raised for one article) in one transaction: all of it is on record, or none
     * of it and the error is thrown.
     */
    public List<AlertChange> applyAll(List<Alert> candidates) {
        return applyAll(candidates, changes -> { });
    }

    /**
     * As {@link #applyAll(List)}, with {@code alongside} run on the changes inside the same transaction (what they
     * call for, such as their email, commits with them or not at all).
     */
    public List<AlertChange> applyAll(List<Alert> candidates, Consumer<List<AlertChange>> alongside) {
        try {
            return store.together(() -> {
                List<AlertChange> changes = candidates.stream().map(this::apply).toList();
                alongside.accept(changes);
                return changes;
            });
        } catch (RuntimeException e) {
            forgetRecent(); // it may remember reports the rollback took back
            throw e;
        }
    }

    /** After a rollback of work this took part in: what it remembers of alerts may not be on record. */
    public void forgetRecent() {
        recent.forgetAll();
        // A sole writer's index may name alerts the rollback took back, and cannot be rebuilt: a replay ends here.
        broken = situations != null;
    }

    public AlertChange apply(Alert candidate) {
        if (broken) {
            throw new IllegalStateException("alert decisions failed earlier; what the store holds is no longer known");
        }
        Optional<String> found = situations != null
                ? situations.find(candidate.rule(), candidate.type(), candidate.actors(), candidate.eventDate(),
                        corroborationDays)
                : store.findSituation(candidate.rule(), candidate.type(), candidate.actors(), candidate.eventDate(),
                        corroborationDays);
        if (found.isEmpty()) {
            store.save(candidate);
            if (situations != null) {
                situations.add(candidate.rule(), candidate.type(), candidate.actors(), candidate.eventDate(),
                        candidate.id());
            }
            Alert shown = shown(candidate);
            recent.seen(shown, candidate.evidence(), candidate.evidence().size(), true);
            return new AlertChange(shown, AlertChange.Kind.NEW);
        }
        Optional<Alert> same = recent.unchangedBy(found.get(), candidate.severity(), candidate.evidence());
        if (same.isPresent()) {
            return new AlertChange(same.get(), AlertChange.Kind.UNCHANGED);
        }
        // Only the new reports are written: a long situation holds thousands, and rewriting them all on every
        // report made each merge slower than the last.
        AlertStore.Merge m = store.merge(found.get(), candidate.severity(), candidate.evidence(),
                recent.lastSeen(found.get()).orElse(null), recent.knowledge(found.get(), situations != null))
                .orElseThrow();
        Alert old = m.before();
        Alert updated = m.after();
        recent.seen(updated, candidate.evidence(), m.reportsHeld(), false);
        if (m.addedReports() == 0 && updated.severity() == old.severity()) {
            return new AlertChange(old, AlertChange.Kind.UNCHANGED);
        }
        boolean news = updated.sources() > old.sources() || updated.severity().compareTo(old.severity()) > 0;
        return new AlertChange(updated, news ? AlertChange.Kind.UPDATED : AlertChange.Kind.REFINED);
    }

    private static Alert shown(Alert a) {
        List<Evidence> shown = AlertStore.shown(a.evidence());
        return shown.size() == a.evidence().size() ? a : new Alert(a.id(), a.rule(), a.category(), a.type(),
                a.severity(), a.actors(), a.eventDate(), a.title(), a.summary(), shown, a.sources());
    }
}
