package io.watchfloor.notify;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Signal;
import io.watchfloor.model.WebLinks;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.OutboxStore;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An alert message for one recipient: what changed since they were last told (in the subject and at the top, new
 * reports marked), the outlets and the confidence of each report, an overview first when it carries several alerts,
 * the pair's recent history once, and the headers that thread an update under the first message about its alert.
 */
final class AlertMessages {
    /** A message's content and the headers it adds (In-Reply-To, References). */
    record Composed(Rendered rendered, Map<String, String> headers) { }

    private final OutboxStore outbox;
    private final AlertStore alerts;
    private final ArticleStore articles;
    private final MessageRenderer renderer;

    AlertMessages(OutboxStore outbox, AlertStore alerts, ArticleStore articles, MessageRenderer renderer) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.articles = articles;
        this.renderer = renderer;
    }

    /** {@code carried}: the message's alerts, the most severe first (it names the message); all of one pair. */
    Composed compose(String recipient, List<Alert> carried) {
        List<Map<String, Object>> views = new ArrayList<>();
        Set<String> threads = new LinkedHashSet<>();
        for (Alert a : carried) {
            Optional<OutboxStore.Told> told = outbox.lastDelivery(a.id(), recipient);
            views.add(view(a, told));
            if (told.isPresent()) {
                outbox.firstMessageId(a.id(), recipient).ifPresent(threads::add);
            }
        }
        Map<String, Object> model = new HashMap<>(views.get(0));
        model.put("alerts", views);
        model.put("more", views.size() > 1 ? views.size() - 1 : null);
        model.put("grouped", views.size() > 1);
        model.put("count", views.size());
        model.put("recipient", recipient);
        List<Map<String, Object>> history = history(carried);
        model.put("history", history);
        model.put("hasHistory", !history.isEmpty());
        Map<String, String> headers = new LinkedHashMap<>();
        if (!threads.isEmpty()) {
            // Mail clients thread on these: the update sits under the first message about its alert.
            headers.put("In-Reply-To", threads.iterator().next());
            headers.put("References", String.join(" ", threads));
        }
        return new Composed(renderer.render("alert", model, Map.of()), headers);
    }

    private Map<String, Object> view(Alert a, Optional<OutboxStore.Told> told) {
        Map<String, Object> m = AlertViews.alert(a, told.isPresent(), List.of());
        List<Map<String, Object>> evidence = new ArrayList<>();
        Set<String> outlets = new LinkedHashSet<>();
        Set<String> unnamed = new LinkedHashSet<>();
        Set<String> newOutlets = new LinkedHashSet<>();
        double confidence = 0;
        int fresh = 0;
        for (Evidence e : a.evidence()) {
            Map<String, Object> ev = AlertViews.evidence(e);
            Optional<ArticleStore.Processed> p = articles.processed(e.articleId());
            String outlet = outlet(e, p);
            double c = p.map(x -> confidence(x.signals(), e.sentence())).orElse(0.0);
            boolean isNew = told.isPresent() && p.isPresent() && p.get().processedAt().isAfter(told.get().at());
            ev.put("outlet", outlet);
            ev.put("reportConfidence", c > 0 ? percent(c) : null);
            ev.put("new", isNew);
            evidence.add(ev);
            if (outlet == null) {
                unnamed.add(e.articleId());
                ev.put("outlet", "no named outlet");
            } else {
                outlets.add(outlet);
            }
            confidence = Math.max(confidence, c);
            if (isNew) {
                fresh++;
                newOutlets.add(outlet == null ? "no named outlet" : outlet);
            }
        }
        m.put("evidence", evidence);
        List<String> named = new ArrayList<>(outlets);
        if (!unnamed.isEmpty()) {
            named.add(unnamed.size() + " article" + (unnamed.size() == 1 ? "" : "s") + " with no named outlet");
        }
        m.put("outlets", String.join(", ", named));
        m.put("confidence", confidence > 0 ? percent(confidence) : "unknown");
        int freshReports = fresh;
        List<String> changes = told.map(t -> changes(a, t, freshReports, newOutlets)).orElse(List.of());
        m.put("changes", String.join(", ", changes));
        m.put("changed", !changes.isEmpty());
        m.put("updateTag", told.isPresent() ? "UPDATE" + (changes.isEmpty() ? "" : " (" + String.join(", ",
                changes) + ")") + ": " : "");
        return m;
    }

    /** What is different from what the recipient was last told, in the words a subject can carry. */
    static List<String> changes(Alert a, OutboxStore.Told t, int freshReports, Set<String> newOutlets) {
        List<String> out = new ArrayList<>();
        String severityBefore = t.severity();
        if (!severityBefore.equals(a.severity().name())) {
            boolean up = a.severity().ordinal() > io.watchfloor.model.Severity.valueOf(severityBefore).ordinal();
            out.add("severity " + (up ? "up" : "down") + " " + severityBefore + " to " + a.severity().name());
        }
        if (t.sources() != a.sources()) {
            out.add("sources " + t.sources() + " to " + a.sources()
                    + (newOutlets.isEmpty() ? "" : " (" + String.join(", ", newOutlets) + ")"));
        }
        if (freshReports > 0) {
            out.add(freshReports + " new report" + (freshReports == 1 ? "" : "s"));
        }
        return out;
    }

    /** The outlet that published a report: the article's source, else its link's host, else null. */
    private static String outlet(Evidence e, Optional<ArticleStore.Processed> p) {
        String source = p.map(x -> x.article().source()).orElse(null);
        if (source != null && !source.isBlank()) {
            return source.trim();
        }
        String link = WebLinks.webOnly(e.link());
        if (link != null) {
            try {
                String host = URI.create(link).getHost();
                if (host != null) {
                    return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI after all: no outlet from it
            }
        }
        return null;
    }

    /** The extraction's confidence in the signal read from this sentence (the highest, if several). */
    private static double confidence(List<Signal> signals, String sentence) {
        return signals.stream().filter(s -> sentence != null && sentence.equals(s.evidence()))
                .mapToDouble(Signal::confidence).max().orElse(0);
    }

    private static String percent(double c) {
        return Math.round(c * 100) + "%";
    }

    /** The pair's other alerts of the 30 days before the latest carried one, once for the whole message. */
    private List<Map<String, Object>> history(List<Alert> carried) {
        LocalDate first = carried.stream().map(Alert::eventDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = carried.stream().map(Alert::eventDate).max(Comparator.naturalOrder()).orElseThrow();
        Set<String> shown = new LinkedHashSet<>();
        carried.forEach(a -> shown.add(a.id()));
        List<Map<String, Object>> past = new ArrayList<>();
        for (Alert h : alerts.history(carried.get(0).actors(), first.minusDays(30), last)) {
            if (shown.add(h.id())) {
                past.add(Map.of("eventDate", h.eventDate().toString(), "severity", h.severity().name(), "title",
                        h.title(), "rule", h.rule()));
            }
        }
        return past;
    }
}
