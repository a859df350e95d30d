package io.watchfloor.rules;

import java.util.List;
import java.util.Optional;

/** The outcome of compiling the rules folder: the rules when there were no errors, and every problem found. */
public record CompileResult(Optional<CompiledRules> rules, List<RuleProblem> problems) {
    public CompileResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return rules.isPresent();
    }

    public List<RuleProblem> errors() {
        return problems.stream().filter(RuleProblem::error).toList();
    }
}
