package io.watchfloor.rules;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/** A rule set that compiled cleanly, ready to open sessions on. */
public record CompiledRules(KieBase kieBase, List<String> files, List<String> ruleNames, Instant compiledAt) {
    public CompiledRules {
        files = List.copyOf(files);
        ruleNames = List.copyOf(ruleNames);
    }
}
