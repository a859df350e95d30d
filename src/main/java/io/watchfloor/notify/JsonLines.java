package io.watchfloor.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Signal;

/** The contract's JSON Lines shapes for signals and alerts: one object per line, keys in the documented order. */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() { }

    public static String signal(Signal s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "signal");
        n.put("type", s.type().name());
        n.put("actor", s.actor());
        n.put("target", s.target());
        n.put("eventDate", s.eventDate().toString());
        if (s.planned()) {
            n.put("planned", true);
        }
        n.put("article", s.article().id());
        n.put("published", s.article().published().toString());
        n.put("confidence", Math.round(s.confidence() * 100) / 100.0);
        n.put("evidence", s.evidence());
        return write(n);
    }

    public static String alert(Alert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "alert");
        n.put("id", a.id());
        n.put("rule", a.rule());
        n.put("category", a.category().name());
        n.put("type", a.type());
        n.put("severity", a.severity().name());
        ArrayNode actors = n.putArray("actors");
        a.actors().forEach(actors::add);
        n.put("eventDate", a.eventDate().toString());
        n.put("sources", a.sources());
        n.put("title", a.title());
        ArrayNode articles = n.putArray("articles");
        a.articles().forEach(articles::add);
        n.put("summary", a.summary());
        ArrayNode evidence = n.putArray("evidence");
        for (Evidence e : a.evidence()) {
            ObjectNode en = evidence.addObject();
            en.put("sentence", e.sentence());
            en.put("article", e.articleId());
            en.put("title", e.articleTitle());
            en.put("link", e.link());
            en.put("published", e.published().toString());
            if (e.datedAtFetch()) {
                en.put("datedAtFetch", true);   // the feed gave no readable date: this is when it was fetched
            }
        }
        return write(n);
    }

    /** An admin notice: {"kind":"admin","severity":..,"title":..,"details":[..],"at":..}. */
    public static String admin(AdminNotice a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "admin");
        n.put("severity", a.severity());
        n.put("title", a.title());
        ArrayNode details = n.putArray("details");
        a.details().forEach(details::add);
        n.put("at", a.at().toString());
        return write(n);
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
