package io.watchfloor.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A rule set that compiled cleanly, ready to open sessions on.
 *
 * @param locations rule name to FILE:LINE of its declaration
 */
public record CompiledRules(KieBase kieBase, List<String> files, List<String> ruleNames, Map<String, String> locations,
                            Instant compiledAt) {
    public CompiledRules {
        files = List.copyOf(files);
        ruleNames = List.copyOf(ruleNames);
        locations = Map.copyOf(locations);
    }

    /** A rule as an admin finds it: {@code FILE:LINE: rule "NAME"}, or the name alone when its file is unknown. */
    public String describe(String rule) {
        String at = locations.get(rule);
        return (at == null ? "" : at + ": ") + "rule \"" + rule + "\"";
    }
}
