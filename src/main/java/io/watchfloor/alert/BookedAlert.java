package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One alert as an {@link AlertBook} holds it: as it shows, how many reports it holds in all, and the key of every
 * report and every source it holds (what a merge must know to say "held" or "new").
 */
final class BookedAlert {
    private Alert shown;
    private int held;
    private final ReportKeys reports;
    private final Set<String> sources;

    BookedAlert(Alert shown, int held, ReportKeys reports, Set<String> sources) {
        this.shown = shown;
        this.held = held;
        this.reports = reports;
        this.sources = sources;
    }

    /** A new alert with every report the rule gave it. */
    static BookedAlert recorded(Alert a) {
        ReportKeys reports = new ReportKeys();
        Set<String> sources = new HashSet<>();
        for (Evidence e : a.evidence()) {
            reports.add(ReportKeys.of(e));
            sources.add(e.sourceKey());
        }
        return new BookedAlert(withShown(a, AlertStore.shown(a.evidence()), a.severity(), a.sources()),
                a.evidence().size(), reports, sources);
    }

    String id() {
        return shown.id();
    }

    Alert shown() {
        return shown;
    }

    int held() {
        return held;
    }

    ReportKeys reports() {
        return reports;
    }

    Set<String> sources() {
        return sources;
    }

    boolean holds(Evidence e) {
        return reports.contains(ReportKeys.of(e));
    }

    boolean holdsSource(String sourceKey) {
        return sources.contains(sourceKey);
    }

    /** Report keys and sources held: what this costs the book's budget. */
    int keys() {
        return reports.size() + sources.size();
    }

    /** Adds new reports (none of them held), {@code newSources} of them from new outlets, at {@code severity}. */
    void add(List<Evidence> added, Severity severity, int newSources) {
        for (Evidence e : added) {
            reports.add(ReportKeys.of(e));
            sources.add(e.sourceKey());
        }
        List<Evidence> all = new ArrayList<>(shown.evidence());
        all.addAll(added);
        held += added.size();
        shown = withShown(shown, AlertStore.shown(all), severity, shown.sources() + newSources);
    }

    private static Alert withShown(Alert a, List<Evidence> evidence, Severity severity, int sources) {
        return new Alert(a.id(), a.rule(), a.category(), a.type(), severity, a.actors(), a.eventDate(), a.title(),
                a.summary(), evidence, sources);
    }
}
