package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.store.AlertStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Corroboration and deduplication: an alert for a situation already on record (same rule, type and actors, event
 * dates within a few days) merges into it and counts its sources, instead of becoming a second alert. Every
 * decision is committed to the store before it is returned, so nothing is announced that is not recorded.
 */
public final class AlertCorrelator {
    private final AlertStore store;
    private final int corroborationDays;

    public AlertCorrelator(AlertStore store, int corroborationDays) {
        this.store = store;
        this.corroborationDays = corroborationDays;
    }

    public AlertChange apply(Alert candidate) {
        Optional<Alert> found = store.findSituation(candidate.rule(), candidate.type(), candidate.actors(),
                candidate.eventDate(), corroborationDays);
        if (found.isEmpty()) {
            store.save(candidate);
            return new AlertChange(candidate, AlertChange.Kind.NEW);
        }
        Alert old = found.get();
        Set<Evidence> evidence = new LinkedHashSet<>(old.evidence());
        evidence.addAll(candidate.evidence());
        List<Evidence> merged = new ArrayList<>(evidence);
        int sources = AlertAssembler.countSources(merged);
        var severity = candidate.severity().compareTo(old.severity()) > 0 ? candidate.severity() : old.severity();
        if (merged.size() == old.evidence().size() && severity == old.severity()) {
            return new AlertChange(old, AlertChange.Kind.UNCHANGED);
        }
        Alert updated = new Alert(old.id(), old.rule(), old.category(), old.type(), severity, old.actors(),
                old.eventDate(), old.title(), old.summary(), merged, sources);
        store.save(updated);
        boolean news = sources > old.sources() || severity.compareTo(old.severity()) > 0;
        return new AlertChange(updated, news ? AlertChange.Kind.UPDATED : AlertChange.Kind.REFINED);
    }
}
