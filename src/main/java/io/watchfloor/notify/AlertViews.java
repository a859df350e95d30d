package io.watchfloor.notify;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.WebLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Template values for alerts. Links are kept only when they are plain web links. */
final class AlertViews {
    private AlertViews() { }

    static Map<String, Object> alert(Alert a, boolean updated, List<Alert> history) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", a.id());
        m.put("severity", a.severity().name());
        m.put("color", color(a.severity().name()));
        m.put("category", a.category().name());
        m.put("type", a.type());
        // One order for a pair everywhere (alphabetical, as the messages are grouped), whatever the alert's direction.
        m.put("pair", OutboxNotifier.groupKey(a.actors()));
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("rule", a.rule());
        m.put("eventDate", a.eventDate().toString());
        m.put("sources", a.sources());
        m.put("updated", updated);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : a.evidence()) {
            evidence.add(evidence(e));
        }
        m.put("evidence", evidence);
        List<Map<String, Object>> past = new ArrayList<>();
        for (Alert h : history) {
            if (h.id().equals(a.id())) {
                continue;
            }
            past.add(Map.of("eventDate", h.eventDate().toString(), "severity", h.severity().name(), "title",
                    h.title(), "rule", h.rule()));
        }
        m.put("history", past);
        m.put("hasHistory", !past.isEmpty());
        return m;
    }

    /** A report's sentence, article, link and publication date. */
    static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> ev = new HashMap<>();
        ev.put("sentence", e.sentence());
        ev.put("articleTitle", e.articleTitle());
        ev.put("link", WebLinks.webOnly(e.link()));
        ev.put("published", e.publishedText());
        return ev;
    }

    static String color(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "#b00020";
            case "WARNING" -> "#b36b00";
            default -> "#1d5fa8";
        };
    }
}
