package io.watchfloor.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads require/optional labels ({@code ../shared/corpus/README.md}), one article a line:
 * <pre>
 * 012_balakot_strike: {require: ["STRIKE IND>PAK", {any_of: ["CLASH IND-PAK", "STRIKE PAK>IND"]}], optional: ["ATTACK *"]}
 * 032_rail_strike: {require: []}
 * 040_border_war_history: {require: ["TALKS ERI-ETH"], background_before: "2018-01-01", domestic_ok: true}
 * </pre>
 * Every problem is an {@link IllegalArgumentException} naming the file and the article.
 */
final class RequireLabelsLoader {
    private static final Set<String> KEYS = Set.of("require", "optional", "background_before", "domestic_ok");

    private RequireLabelsLoader() { }

    /** Whether a labels file's content is in this format: a mapping of articles to mappings with 'require'. */
    static boolean recognises(JsonNode root) {
        if (root == null || !root.isObject() || root.isEmpty()) {
            return false;
        }
        for (JsonNode v : root) {
            if (!v.isObject() || !v.has("require")) {
                return false;
            }
        }
        return true;
    }

    static List<RequireLabel> load(Path file, LabelFiles.Document doc) {
        List<RequireLabel> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = doc.where(file, e.getKey());
            JsonNode label = e.getValue();
            for (Iterator<String> k = label.fieldNames(); k.hasNext(); ) {
                String key = k.next();
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected one of "
                            + KEYS.stream().sorted().toList() + ")");
                }
            }
            List<Requirement> require = new ArrayList<>();
            int i = 0;
            for (JsonNode r : list(label, "require", where)) {
                String at = where + ": require[" + i++ + "]";
                if (r.isObject() && r.size() == 1 && r.has("any_of")) {
                    List<LabelItem> alternatives = items(list(r, "any_of", at), at + ": any_of");
                    if (alternatives.isEmpty()) {
                        throw new IllegalArgumentException(at + ": any_of is empty");
                    }
                    require.add(new Requirement(alternatives));
                } else if (r.isTextual()) {
                    require.add(new Requirement(List.of(LabelItem.parse(r.asText(), at))));
                } else {
                    throw new IllegalArgumentException(at + ": expected an item such as \"STRIKE IND>PAK\" or"
                            + " {any_of: [...]}");
                }
            }
            List<LabelItem> optional = items(list(label, "optional", where), where + ": optional");
            out.add(new RequireLabel(e.getKey(), require, optional, before(label, where),
                    label.path("domestic_ok").asBoolean(false), where));
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static List<LabelItem> items(List<JsonNode> nodes, String where) {
        List<LabelItem> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if (!n.isTextual()) {
                throw new IllegalArgumentException(where + "[" + i + "]: expected an item such as \"STRIKE IND>PAK\"");
            }
            out.add(LabelItem.parse(n.asText(), where + "[" + i + "]"));
        }
        return out;
    }

    private static String before(JsonNode label, String where) {
        JsonNode v = label.get("background_before");
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText();
        if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException(where + ": background_before '" + s + "' is not a date (YYYY-MM-DD)");
        }
        return s;
    }
}
