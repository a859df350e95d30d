package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a rule raised, checked and ready to be decided: everything a merge into an alert on record reads (situation,
 * event date, severity, reports), with the alert whole (its id, title and summary) made only when asked for. Most of
 * what the rules raise in a busy war merges into an alert already on record and changes nothing, and its title and
 * summary would be written for nothing.
 */
public final class AlertCandidate {
    private final String rule;
    private final String type;
    private final Severity severity;
    private final List<String> actors;
    private final LocalDate eventDate;
    private final List<Evidence> evidence;
    private final Supplier<Alert> whole;
    private Alert alert;

    AlertCandidate(String rule, String type, Severity severity, List<String> actors, LocalDate eventDate,
                   List<Evidence> evidence, Supplier<Alert> whole) {
        this.rule = rule;
        this.type = type;
        this.severity = severity;
        this.actors = List.copyOf(actors);
        this.eventDate = eventDate;
        this.evidence = List.copyOf(evidence);
        this.whole = whole;
    }

    /** An alert already whole, as a candidate. */
    public static AlertCandidate of(Alert a) {
        AlertCandidate c = new AlertCandidate(a.rule(), a.type(), a.severity(), a.actors(), a.eventDate(),
                a.evidence(), () -> a);
        c.alert = a;
        return c;
    }

    public String rule() {
        return rule;
    }

    public String type() {
        return type;
    }

    public Severity severity() {
        return severity;
    }

    public List<String> actors() {
        return actors;
    }

    public LocalDate eventDate() {
        return eventDate;
    }

    /** Its reports, each once, in the order the rule gave them. */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** The alert whole, made the first time it is asked for. */
    public Alert alert() {
        if (alert == null) {
            alert = whole.get();
        }
        return alert;
    }
}
