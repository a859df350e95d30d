package io.watchfloor.ruletest;

import java.nio.file.Path;
import java.util.List;

/** The outcome of one rule test file: passed, or the readable difference between expected and raised. */
public record RuleTestResult(Path file, String name, boolean passed, List<String> details) {
    public RuleTestResult {
        details = List.copyOf(details);
    }
}
