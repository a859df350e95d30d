package io.watchfloor.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A rule set that compiled cleanly, ready to open sessions on.
 *
 * @param locations rule name to FILE:LINE of its declaration
 * @param crossPair the first rule that joins signals of different pairs (FILE:LINE: rule "NAME" and why), or null
 *                  when every rule joins within one pair: then pairs may be evaluated apart, on several cores
 */
public record CompiledRules(KieBase kieBase, List<String> files, List<String> ruleNames, Map<String, String> locations,
                            Instant compiledAt, String crossPair) {
    public CompiledRules {
        files = List.copyOf(files);
        ruleNames = List.copyOf(ruleNames);
        locations = Map.copyOf(locations);
    }

    /** Whether every rule joins signals of one pair only, so that pairs can be evaluated apart. */
    public boolean pairLocal() {
        return crossPair == null;
    }

    /** A rule as an admin finds it: {@code FILE:LINE: rule "NAME"}, or the name alone when its file is unknown. */
    public String describe(String rule) {
        String at = locations.get(rule);
        return (at == null ? "" : at + ": ") + "rule \"" + rule + "\"";
    }
}
