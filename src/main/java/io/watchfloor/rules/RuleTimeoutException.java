package io.watchfloor.rules;

import io.watchfloor.config.DurationDeserializer;
import java.time.Duration;

/** The rules worked on one evaluation past the time limit. */
public final class RuleTimeoutException extends RuleEvaluationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param rule      the rule whose consequence was running (FILE:LINE: rule "NAME"), or null
     * @param lastFired the last rule that fired, or null
     */
    RuleTimeoutException(String rule, String lastFired, Duration limit) {
        super(rule, rule != null
                ? rule + " was still running after " + DurationDeserializer.human(limit) + " (rules.evaluationTimeout)"
                : "no rule's consequence was running, but the rules were still matching conditions after "
                        + DurationDeserializer.human(limit) + " (rules.evaluationTimeout)"
                        + (lastFired != null ? "; the last rule that fired: " + lastFired : ""), null);
    }
}
