package io.watchfloor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables override config keys: {@code WATCHFLOOR_EMAIL_SMTP_HOST} sets {@code email.smtp.host},
 * {@code WATCHFLOOR_RULES_FRESHNESS_DAYS} (or {@code ..._FRESHNESSDAYS}) sets {@code rules.freshnessDays}. A name that
 * does not start at the top may start in any section ({@code WATCHFLOOR_SMTP_HOST}). Lists of values are
 * comma-separated. Variables that name no key (passwords, say) are left alone.
 */
final class EnvOverrides {
    static final String PREFIX = "WATCHFLOOR_";

    /** One override applied: the variable and the key it set. */
    record Applied(String variable, String key) { }

    private EnvOverrides() { }

    static List<Applied> apply(ObjectNode root, Map<String, String> env) {
        List<Applied> applied = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().startsWith(PREFIX) || e.getKey().length() == PREFIX.length()) {
                continue;
            }
            String[] parts = e.getKey().substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("_");
            List<RecordComponent> path = resolve(WatchfloorConfig.class, parts, 0);
            if (path == null) {
                // Not from the top: try each section (WATCHFLOOR_SMTP_HOST is email.smtp.host).
                for (RecordComponent section : WatchfloorConfig.class.getRecordComponents()) {
                    if (section.getType().isRecord()) {
                        List<RecordComponent> rest = resolve(section.getType(), parts, 0);
                        if (rest != null) {
                            path = new ArrayList<>(List.of(section));
                            path.addAll(rest);
                            break;
                        }
                    }
                }
            }
            if (path == null) {
                continue;
            }
            ObjectNode node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                String name = path.get(i).getName();
                if (!(node.get(name) instanceof ObjectNode)) {
                    node.set(name, JsonNodeFactory.instance.objectNode());
                }
                node = (ObjectNode) node.get(name);
            }
            RecordComponent leaf = path.get(path.size() - 1);
            node.set(leaf.getName(), value(leaf, e.getValue()));
            applied.add(new Applied(e.getKey(), String.join(".", path.stream().map(RecordComponent::getName)
                    .toList())));
        }
        return applied;
    }

    /** The components that {@code parts[from..]} names inside {@code type}, or null. */
    private static List<RecordComponent> resolve(Class<?> type, String[] parts, int from) {
        if (!type.isRecord() || from >= parts.length) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String want = c.getName().toLowerCase(Locale.ROOT);
            StringBuilder got = new StringBuilder();
            for (int i = from; i < parts.length; i++) {
                got.append(parts[i]);
                if (!want.startsWith(got.toString())) {
                    break;
                }
                if (want.contentEquals(got)) {
                    if (i == parts.length - 1 && !c.getType().isRecord()) {
                        return new ArrayList<>(List.of(c));
                    }
                    List<RecordComponent> rest = resolve(c.getType(), parts, i + 1);
                    if (rest != null) {
                        List<RecordComponent> out = new ArrayList<>(List.of(c));
                        out.addAll(rest);
                        return out;
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode value(RecordComponent leaf, String raw) {
        Class<?> t = leaf.getType();
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (t == Integer.class && raw.trim().matches("-?\\d+")) {
            return f.numberNode(Integer.parseInt(raw.trim()));
        }
        if (t == Boolean.class && raw.trim().matches("(?i)true|false")) {
            return f.booleanNode(Boolean.parseBoolean(raw.trim()));
        }
        if (t == List.class && isListOfStrings(leaf.getGenericType())) {
            ArrayNode a = f.arrayNode();
            for (String s : raw.split(",")) {
                if (!s.isBlank()) {
                    a.add(s.trim());
                }
            }
            return a;
        }
        return f.textNode(raw);
    }

    private static boolean isListOfStrings(Type t) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
    }
}
