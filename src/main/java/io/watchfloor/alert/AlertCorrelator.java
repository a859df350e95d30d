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
 * decision is committed to the store before it is returned, so nothing is announced that is not recorded; a
 * replay's decisions are made in its {@link AlertBook} instead (it announces nothing, and its store is scratch).
 */
public final class AlertCorrelator {
    private final AlertStore store;
    private final int corroborationDays;
    private final RecentAlerts recent;
    /** Set where this correlator is the only writer (a replay): every decision is made there; else null. */
    private final AlertBook book;
    private boolean broken;

    public AlertCorrelator(AlertStore store, int corroborationDays) {
        this(store, corroborationDays, new RecentAlerts());
    }

    /** @param recent the memory of recent alerts, with its budget */
    AlertCorrelator(AlertStore store, int corroborationDays, RecentAlerts recent) {
        this.store = store;
        this.recent = recent;
        this.corroborationDays = corroborationDays;
        this.book = null;
    }

    /**
     * A sole writer's correlator (a replay): alerts are decided in {@code book}, in memory, with no store on the
     * way; no one else may decide the same alerts.
     */
    public AlertCorrelator(AlertBook book, int corroborationDays) {
        this.store = null;
        this.recent = null;
        this.book = book;
        this.corroborationDays = corroborationDays;
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
            if (book != null) {
                List<AlertChange> changes = candidates.stream().map(this::apply).toList();
                alongside.accept(changes);
                return changes;
            }
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

    /**
     * A sole writer's decisions (a replay's lane) on candidates, each made whole only when it becomes a new alert;
     * with a store, as {@link #applyAll(List)} on the alerts whole.
     */
    public List<AlertChange> decideAll(List<AlertCandidate> candidates) {
        if (book == null) {
            return applyAll(candidates.stream().map(AlertCandidate::alert).toList());
        }
        if (broken) {
            throw new IllegalStateException("alert decisions failed earlier; what the store holds is no longer known");
        }
        try {
            return candidates.stream().map(c -> book.apply(c, corroborationDays)).toList();
        } catch (RuntimeException e) {
            forgetRecent();
            throw e;
        }
    }

    /** After a rollback of work this took part in: what it remembers of alerts may not be on record. */
    public void forgetRecent() {
        if (book != null) {
            // A sole writer's book may hold half a batch, and cannot be rebuilt: a replay ends here.
            broken = true;
        } else {
            recent.forgetAll();
        }
    }

    /** For the replay's log: alerts decided in memory, and how many went to the spill and came back. */
    public String bookCounts() {
        return book == null ? "" : book.count() + " alerts in memory and spill (" + book.spillCounts() + ")";
    }

    public AlertChange apply(Alert candidate) {
        if (broken) {
            throw new IllegalStateException("alert decisions failed earlier; what the store holds is no longer known");
        }
        if (book != null) {
            return book.apply(candidate, corroborationDays);
        }
        Optional<String> found = store.findSituation(candidate.rule(), candidate.type(), candidate.actors(),
                candidate.eventDate(), corroborationDays);
        if (found.isEmpty()) {
            store.save(candidate);
            Alert shown = shown(candidate);
            recent.seen(shown, candidate.evidence(), candidate.evidence().size());
            return new AlertChange(shown, AlertChange.Kind.NEW);
        }
        Optional<Alert> same = recent.unchangedBy(found.get(), candidate.severity(), candidate.evidence());
        if (same.isPresent()) {
            return new AlertChange(same.get(), AlertChange.Kind.UNCHANGED);
        }
        // Only the new reports are written: a long situation holds thousands, and rewriting them all on every
        // report made each merge slower than the last.
        AlertStore.Merge m = store.merge(found.get(), candidate.severity(), candidate.evidence(),
                recent.lastSeen(found.get()).orElse(null), recent.knowledge(found.get())).orElseThrow();
        Alert old = m.before();
        Alert updated = m.after();
        recent.seen(updated, candidate.evidence(), m.reportsHeld());
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
