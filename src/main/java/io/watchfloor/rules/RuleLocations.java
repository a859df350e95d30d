package io.watchfloor.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each rule is declared, as FILE:LINE, so a rule named in an error can be found at once. */
final class RuleLocations {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private RuleLocations() { }

    /** Rule name to FILE:LINE, for rule sources (display name to text). */
    static Map<String, String> of(Map<String, String> sources) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    out.putIfAbsent(name, e.getKey() + ":" + (i + 1));
                }
            }
        }
        return out;
    }
}
