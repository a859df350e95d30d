package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.model.SignalType;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.SignalFact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a rule raised into an alert: fills defaults (actors, date, title, summary), checks values, and gives
 * it its stable id. Titles and summaries may use placeholders: {actor}, {target}, {actorAdj}, {targetAdj},
 * {days}, {date}, {type}.
 *
 * <p>Severity follows freshness here, once for every rule: an alert is news when the newest report it rests on (the
 * latest published of the signals the rule's conditions matched) came within the freshness window of the alert's
 * event date; otherwise it is background and takes the rule's stale severity (INFO unless the rule says otherwise).
 * A tit-for-tat first told in a review two weeks later is background, like the strikes it is made of.
 */
public final class AlertAssembler {
    private static final Map<String, String> DEFAULT_TITLES = Map.ofEntries(
            Map.entry("RETALIATION", "{target} strikes {actor} {days} after {actorAdj} strike"),
            Map.entry("STRIKE", "{actorAdj} strike on {target}"),
            Map.entry("CLASH", "Clash between {actor} and {target}"),
            Map.entry("ATTACK", "Deadly attack in {target}"),
            Map.entry("THREAT", "{actor} threatens {target}"),
            Map.entry("MOBILIZATION", "{actorAdj} mobilization against {target}"),
            Map.entry("DIPLOMATIC_DOWNGRADE", "{actor} downgrades ties with {target}"),
            Map.entry("PROTEST", "{actor} protests to {target}"),
            Map.entry("VISIT", "{actorAdj} visit to {target}"),
            Map.entry("PLANNED_VISIT", "{actorAdj} visit to {target} announced"),
            Map.entry("SPIRAL", "Escalation spiral between {actor} and {target}"),
            Map.entry("TALKS", "{actor}-{target} talks"),
            Map.entry("PLEDGE", "{actor} pledges de-escalation with {target}"),
            Map.entry("CEASEFIRE", "Ceasefire between {actor} and {target}"),
            Map.entry("RESTORE_RELATIONS", "{actor} and {target} restore relations"),
            Map.entry("RELEASE", "{actor} releases {targetAdj} prisoners"),
            Map.entry("AGREEMENT", "{actor} and {target} sign an agreement"));

    /** What happened, per signal type, for summaries. */
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("STRIKE", "{actor} struck {target}"),
            Map.entry("CLASH", "{actor} and {target} clashed"),
            Map.entry("ATTACK", "a deadly attack in {target}"),
            Map.entry("THREAT", "{actor} threatened {target}"),
            Map.entry("MOBILIZATION", "{actor} mobilized against {target}"),
            Map.entry("DIPLOMATIC_DOWNGRADE", "{actor} downgraded ties with {target}"),
            Map.entry("PROTEST", "{actor} protested to {target}"),
            Map.entry("VISIT", "an official of {actor} visited {target}"),
            Map.entry("TALKS", "{actor} and {target} held talks"),
            Map.entry("PLEDGE", "{actor} pledged de-escalation with {target}"),
            Map.entry("CEASEFIRE", "{actor} and {target} agreed a ceasefire"),
            Map.entry("RESTORE_RELATIONS", "{actor} and {target} restored relations"),
            Map.entry("RELEASE", "{actor} released {targetAdj} prisoners"),
            Map.entry("AGREEMENT", "{actor} and {target} signed an agreement"));
    /** What is announced, per signal type, for summaries of planned events: "plans to visit", not "visited". */
    private static final Map<String, String> PLANS = Map.ofEntries(
            Map.entry("STRIKE", "{actor} plans to strike {target}"),
            Map.entry("MOBILIZATION", "{actor} plans to mobilize against {target}"),
            Map.entry("DIPLOMATIC_DOWNGRADE", "{actor} plans to downgrade ties with {target}"),
            Map.entry("VISIT", "an official of {actor} plans to visit {target}"),
            Map.entry("TALKS", "{actor} and {target} plan to hold talks"),
            Map.entry("CEASEFIRE", "{actor} and {target} plan a ceasefire"),
            Map.entry("RESTORE_RELATIONS", "{actor} and {target} plan to restore relations"),
            Map.entry("RELEASE", "{actor} plans to release {targetAdj} prisoners"),
            Map.entry("AGREEMENT", "{actor} and {target} plan to sign an agreement"));
    private static final String[] SMALL_NUMBERS = {"", "a", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten"};

    private final ActorNames names;
    private final int freshnessDays;
    private final SituationIds ids = new SituationIds();

    /** @param freshnessDays how long after its event an alert is still news (rules.freshnessDays) */
    public AlertAssembler(ActorNames names, int freshnessDays) {
        this.names = names;
        this.freshnessDays = freshnessDays;
    }

    public Alert assemble(AlertDraft d) {
        return candidate(d).alert();
    }

    /**
     * The draft checked, with what deciding it needs (situation, event date, severity, reports); its id, title and
     * summary are made only when the alert is asked for whole.
     *
     * @throws InvalidAlertException when the rule left out the type or the evidence, or gave an unknown severity or
     *                               category
     */
    public AlertCandidate candidate(AlertDraft d) {
        String rule = d.rule();
        if (d.type() == null || d.type().isBlank()) {
            throw new InvalidAlertException("rule '" + rule + "': alert has no type (call .type(...))");
        }
        String type = d.type().trim().toUpperCase(Locale.ROOT);
        Severity parsed = parse(Severity.class, d.severity(), rule, "severity");
        Category category = d.category() != null ? parse(Category.class, d.category(), rule, "category")
                : defaultCategory(type, rule);
        List<SignalFact> facts = d.evidence();
        if (facts.isEmpty()) {
            throw new InvalidAlertException("rule '" + rule + "': alert has no evidence (call .evidence($signal))");
        }
        List<String> actors = d.actors() != null ? d.actors() : defaultActors(facts.get(0));
        LocalDate eventDate = d.eventDate() != null ? d.eventDate()
                : facts.stream().map(SignalFact::getEventDate).max(Comparator.naturalOrder()).orElseThrow();
        Severity severity = parsed;
        if (!news(d.matched().isEmpty() ? facts : d.matched(), eventDate)) {
            Severity stale = parse(Severity.class, d.whenStale(), rule, "stale severity");
            severity = stale.compareTo(severity) < 0 ? stale : severity;
        }
        Set<Evidence> evidence = new LinkedHashSet<>();
        for (SignalFact f : facts) {
            evidence.add(Evidence.of(f.getSignal()));
        }
        List<Evidence> ev = new ArrayList<>(evidence);
        Severity decided = severity;
        // A draft is a builder: what the alert is made of is read now, not when it is made.
        String titled = d.title() != null ? d.title() : DEFAULT_TITLES.getOrDefault(type, "{type} {actor}-{target}");
        String summarised = d.summary();
        return new AlertCandidate(rule, type, severity, actors, eventDate, ev, () -> {
            long days = ChronoUnit.DAYS.between(
                    facts.stream().map(SignalFact::getEventDate).min(Comparator.naturalOrder()).orElseThrow(),
                    facts.stream().map(SignalFact::getEventDate).max(Comparator.naturalOrder()).orElseThrow());
            String title = fill(titled, actors, days, eventDate, type);
            String summary = summarised != null ? fill(summarised, actors, days, eventDate, type) : summarize(facts);
            return new Alert(ids.of(rule, type, actors, eventDate), rule, category, type, decided, actors,
                    eventDate, title, summary, ev, countSources(ev));
        });
    }

    /** Whether the newest of {@code reports} came within the freshness window of {@code eventDate}. */
    private boolean news(List<SignalFact> reports, LocalDate eventDate) {
        LocalDate newest = reports.stream().map(SignalFact::getPublished).max(Comparator.naturalOrder()).orElseThrow();
        return ChronoUnit.DAYS.between(eventDate, newest) <= freshnessDays;
    }

    /** The same situation gives the same id on every run and every node. */
    public static String id(String rule, String type, List<String> actors, LocalDate eventDate) {
        String key = rule + "|" + type + "|" + String.join(",", actors) + "|" + eventDate;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int countSources(List<Evidence> evidence) {
        if (evidence.size() == 1) {
            return 1;
        }
        Set<String> sources = new HashSet<>();
        for (Evidence e : evidence) {
            sources.add(e.sourceKey());
        }
        return sources.size();
    }

    private static List<String> defaultActors(SignalFact f) {
        if (f.getActor() == null || f.getActor().equals(f.getTarget())) {
            return List.of(f.getTarget());
        }
        return List.of(f.getActor(), f.getTarget());
    }

    private static Category defaultCategory(String type, String rule) {
        if (type.equals("RETALIATION") || type.equals("SPIRAL")) {
            return Category.ESCALATION;
        }
        if (type.equals("PLANNED_VISIT")) {
            return Category.DEESCALATION;
        }
        try {
            return SignalType.valueOf(type).category();
        } catch (IllegalArgumentException e) {
            throw new InvalidAlertException("rule '" + rule + "': alert type " + type
                    + " is not a signal type; set .category(\"ESCALATION\") or .category(\"DEESCALATION\")");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> cls, String value, String rule, String what) {
        try {
            return Enum.valueOf(cls, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidAlertException("rule '" + rule + "': " + what + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(cls.getEnumConstants()));
        }
    }

    private String fill(String template, List<String> actors, long days, LocalDate date, String type) {
        String a = actors.get(0);
        String t = actors.size() > 1 ? actors.get(1) : actors.get(0);
        // Same-day retaliation: "Pakistan strikes Iran hours after Iranian strike".
        String text = days == 0 ? template.replace("{days} after", "hours after") : template;
        return text.replace("{actorAdj}", names.adjective(a)).replace("{targetAdj}", names.adjective(t))
                .replace("{actor}", names.name(a)).replace("{target}", names.name(t))
                .replace("{days}", days == 0 ? "the same day"
                        : (days < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) days] : Long.toString(days))
                          + (days == 1 ? " day" : " days"))
                .replace("{date}", date.toString()).replace("{type}", type);
    }

    private String summarize(List<SignalFact> facts) {
        StringBuilder sb = new StringBuilder();
        for (SignalFact f : facts) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            String actor = f.getActor() == null ? f.getTarget() : f.getActor();
            String what = f.isPlanned() && PLANS.containsKey(f.getType()) ? PLANS.get(f.getType())
                    : EVENTS.getOrDefault(f.getType(), "{type} {actor}-{target}");
            sb.append(fill(what, List.of(actor, f.getTarget()), 0, f.getEventDate(), f.getType()));
            if (!f.isPlanned()) {
                sb.append(" on ").append(f.getEventDate());
            } else {
                // The date of a plan is often inferred from "soon" or "next week": an expectation.
                sb.append(PLANS.containsKey(f.getType()) ? " (expected " : " (announced, expected ")
                        .append(f.getEventDate()).append(')');
            }
        }
        String s = sb.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
