package io.watchfloor.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchfloor.model.SignalType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the project's own labels files ({@code src/test/resources/corpus/labels-*.yaml}, see the corpus spec):
 * <pre>
 * articles:
 *   - file: 001_india_pakistan_balakot.txt
 *     trap: false
 *     note: one line on what the article tests
 *     signals:
 *       - {type: STRIKE, actor: IND, target: PAK, eventDate: 2019-02-26}
 *       - {type: VISIT, actor: IRN, target: PAK, eventDate: 2024-01-29, planned: true, evidence: "plans to visit"}
 * </pre>
 * {@code evidence} is optional: text the evidence sentence of the matching signal must contain. Every problem is an
 * {@link IllegalArgumentException} naming the file and the entry.
 */
final class LabelsLoader {
    private static final Set<String> ARTICLE_KEYS = Set.of("file", "trap", "note", "signals");
    private static final Set<String> SIGNAL_KEYS = Set.of("type", "actor", "target", "eventDate", "planned",
            "evidence");

    private LabelsLoader() { }

    /** Whether a labels file's content is in this format: an 'articles' list. */
    static boolean recognises(JsonNode root) {
        return root != null && root.isObject() && root.has("articles");
    }

    static List<SignalListLabel> load(Path file, JsonNode root) {
        if (!root.path("articles").isArray()) {
            throw new IllegalArgumentException(file + ": 'articles' must be a list");
        }
        List<SignalListLabel> out = new ArrayList<>();
        int i = 0;
        for (JsonNode a : root.path("articles")) {
            String where = file + ": articles[" + i++ + "]";
            checkKeys(a, ARTICLE_KEYS, where);
            String name = text(a, "file", where, true);
            where = file + ": " + name;
            List<ExpectedSignal> signals = new ArrayList<>();
            JsonNode ss = a.path("signals");
            if (!ss.isMissingNode() && !ss.isNull() && !ss.isArray()) {
                throw new IllegalArgumentException(where + ": 'signals' must be a list");
            }
            int j = 0;
            for (JsonNode s : ss) {
                signals.add(signal(s, where + ": signals[" + j++ + "]"));
            }
            out.add(new SignalListLabel(name, a.path("trap").asBoolean(false), a.path("note").asText(null), signals,
                    where));
        }
        return out;
    }

    private static ExpectedSignal signal(JsonNode s, String where) {
        checkKeys(s, SIGNAL_KEYS, where);
        String typeName = text(s, "type", where, true);
        SignalType type;
        try {
            type = SignalType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + typeName + "' is not a signal type");
        }
        String actor = code(text(s, "actor", where, false), where);
        String target = code(text(s, "target", where, true), where);
        LocalDate date;
        try {
            date = LocalDate.parse(text(s, "eventDate", where, true));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": eventDate is not an ISO date (YYYY-MM-DD)");
        }
        return new ExpectedSignal(type, actor, target, date, s.path("planned").asBoolean(false),
                text(s, "evidence", where, false));
    }

    private static String code(String c, String where) {
        if (c != null && !c.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(where + ": '" + c + "' is not an ISO 3166-1 alpha-3 code");
        }
        return c;
    }

    private static String text(JsonNode n, String key, String where, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": missing '" + key + "'");
            }
            return null;
        }
        return v.asText();
    }

    private static void checkKeys(JsonNode n, Set<String> allowed, String where) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }
}
