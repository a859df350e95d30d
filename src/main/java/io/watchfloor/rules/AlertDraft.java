package io.watchfloor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a rule asks for when it fires. Rules fill it fluently in their consequence
 * ({@code alerts.raise(drools).severity("CRITICAL").type("RETALIATION").evidence($a, $b)});
 * the alert stage turns drafts into alerts and checks the values, naming the rule when one is wrong.
 */
public final class AlertDraft {
    private final String rule;
    private String severity = "WARNING";
    private String whenStale = "INFO";
    private String category;
    private String type;
    private final List<SignalFact> matched;
    private final List<SignalFact> evidence = new ArrayList<>();
    private List<String> actors;
    private LocalDate eventDate;
    private String title;
    private String summary;

    AlertDraft(String rule, List<SignalFact> matched) {
        this.rule = rule;
        this.matched = List.copyOf(matched);
    }

    public AlertDraft severity(String severity) { this.severity = severity; return this; }
    /**
     * The severity when the alert is not news (the newest report it rests on came more than the freshness window
     * after its event): INFO unless the rule says otherwise; never above {@link #severity(String)}.
     */
    public AlertDraft whenStale(String severity) { this.whenStale = severity; return this; }
    public AlertDraft category(String category) { this.category = category; return this; }
    public AlertDraft type(String type) { this.type = type; return this; }
    public AlertDraft evidence(SignalFact... facts) { evidence.addAll(Arrays.asList(facts)); return this; }
    public AlertDraft evidence(java.util.Collection<SignalFact> facts) { evidence.addAll(facts); return this; }
    public AlertDraft actors(String... codes) { this.actors = List.of(codes); return this; }
    public AlertDraft eventDate(LocalDate date) { this.eventDate = date; return this; }
    public AlertDraft title(String title) { this.title = title; return this; }
    public AlertDraft summary(String summary) { this.summary = summary; return this; }

    public String rule() { return rule; }
    public String severity() { return severity; }
    public String whenStale() { return whenStale; }
    public String category() { return category; }
    public String type() { return type; }
    /** The signals the rule's conditions matched: what the alert rests on. */
    public List<SignalFact> matched() { return matched; }
    /** The evidence the rule named, or else every signal its conditions matched. */
    public List<SignalFact> evidence() { return List.copyOf(evidence.isEmpty() ? matched : evidence); }
    public List<String> actors() { return actors; }
    public LocalDate eventDate() { return eventDate; }
    public String title() { return title; }
    public String summary() { return summary; }
}
