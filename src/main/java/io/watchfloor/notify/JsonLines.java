package io.watchfloor.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Signal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The contract's JSON Lines shapes for signals and alerts: one object per line, keys in the documented order. */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
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
     * {@link #evidence(Evidence)}, perhaps remembered from an earlier line: see {@link AlertLineWriter}). Written
     * straight into one buffer, with Jackson's escaping, the same bytes as its generator writes: a dense replay writes
     * hundreds of kilobytes of alert lines per article.
     */
    static String alert(Alert a, Function<Evidence, String> evidence) {
        StringBuilder b = new StringBuilder(ALERT_LINE);
        b.append("{\"kind\":\"alert\",\"id\":");
        string(b, a.id());
        b.append(",\"rule\":");
        string(b, a.rule());
        b.append(",\"category\":");
        string(b, a.category().name());
        b.append(",\"type\":");
        string(b, a.type());
        b.append(",\"severity\":");
        string(b, a.severity().name());
        b.append(",\"actors\":[");
        strings(b, a.actors());
        b.append("],\"eventDate\":");
        string(b, a.eventDate().toString());
        b.append(",\"sources\":").append(a.sources());
        b.append(",\"title\":");
        string(b, a.title());
        b.append(",\"articles\":[");
        strings(b, a.articles());
        b.append("],\"summary\":");
        string(b, a.summary());
        b.append(",\"evidence\":[");
        array(b, a.evidence(), (to, e) -> to.append(evidence.apply(e)));
        return b.append("]}").toString();
    }

    /** One report of an alert as the JSON object its line shows. */
    static String evidence(Evidence e) {
        StringBuilder b = new StringBuilder(64 + e.sentence().length());
        b.append("{\"sentence\":");
        string(b, e.sentence());
        b.append(",\"article\":");
        string(b, e.articleId());
        b.append(",\"title\":");
        string(b, e.articleTitle());
        b.append(",\"link\":");
        string(b, e.link());
        b.append(",\"published\":");
        string(b, e.published().toString());
        if (e.datedAtFetch()) {
            b.append(",\"datedAtFetch\":true");   // no readable date in the feed: when it was fetched
        }
        return b.append('}').toString();
    }

    private static void strings(StringBuilder b, List<String> values) {
        array(b, values, JsonLines::string);
    }

    /** The values, each as {@code write} puts it, separated by commas (the brackets are the caller's). */
    private static <T> void array(StringBuilder b, List<T> values, BiConsumer<StringBuilder, T> write) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            write.accept(b, values.get(i));
        }
    }

    /** {@code s} as a JSON string (or null), escaped as Jackson escapes it; most text needs no escaping at all. */
    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                b.append('"').append(ESCAPE.quoteAsString(s)).append('"');
                return;
            }
        }
        b.append('"').append(s).append('"');
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(256);
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
