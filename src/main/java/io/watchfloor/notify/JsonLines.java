package io.watchfloor.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Signal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** The contract's JSON Lines shapes for signals and alerts: one object per line, keys in the documented order. */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room for an alert line that shows its twenty-five reports: a line is not copied as it grows. */
    private static final int ALERT_LINE = 8192;

    private JsonLines() { }

    /** A signal's line, written field by field (no tree: a replay writes millions of them). */
    public static String signal(Signal s) {
        return write(g -> {
            g.writeStringField("kind", "signal");
            g.writeStringField("type", s.type().name());
            g.writeStringField("actor", s.actor());
            g.writeStringField("target", s.target());
            g.writeStringField("eventDate", s.eventDate().toString());
            if (s.planned()) {
                g.writeBooleanField("planned", true);
            }
            g.writeStringField("article", s.article().id());
            g.writeStringField("published", s.article().published().toString());
            g.writeNumberField("confidence", Math.round(s.confidence() * 100) / 100.0);
            g.writeStringField("evidence", s.evidence());
        });
    }

    /** An alert's line, written field by field. */
    public static String alert(Alert a) {
        return alert(a, JsonLines::evidence);
    }

    /**
     * An alert's line, each of its reports written as {@code evidence} renders it (the JSON object of
     * {@link #evidence(Evidence)}, perhaps remembered from an earlier line: see {@link AlertLineWriter}).
     */
    static String alert(Alert a, Function<Evidence, String> evidence) {
        return write(ALERT_LINE, g -> {
            g.writeStringField("kind", "alert");
            g.writeStringField("id", a.id());
            g.writeStringField("rule", a.rule());
            g.writeStringField("category", a.category().name());
            g.writeStringField("type", a.type());
            g.writeStringField("severity", a.severity().name());
            g.writeArrayFieldStart("actors");
            for (String actor : a.actors()) {
                g.writeString(actor);
            }
            g.writeEndArray();
            g.writeStringField("eventDate", a.eventDate().toString());
            g.writeNumberField("sources", a.sources());
            g.writeStringField("title", a.title());
            g.writeArrayFieldStart("articles");
            for (String article : a.articles()) {
                g.writeString(article);
            }
            g.writeEndArray();
            g.writeStringField("summary", a.summary());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : a.evidence()) {
                g.writeRawValue(evidence.apply(e));
            }
            g.writeEndArray();
        });
    }

    /** One report of an alert as the JSON object its line shows. */
    static String evidence(Evidence e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sentence", e.sentence());
            g.writeStringField("article", e.articleId());
            g.writeStringField("title", e.articleTitle());
            g.writeStringField("link", e.link());
            g.writeStringField("published", e.published().toString());
            if (e.datedAtFetch()) {
                g.writeBooleanField("datedAtFetch", true);   // no readable date in the feed: when it was fetched
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        return write(256, fields);
    }

    private static String write(int capacity, Fields fields) {
        StringWriter out = new StringWriter(capacity);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
