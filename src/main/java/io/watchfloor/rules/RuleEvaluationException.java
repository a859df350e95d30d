package io.watchfloor.rules;

/**
 * The rules could not finish one evaluation (past the time limit, or a condition threw): the evaluation was
 * abandoned, and the rules' memory rebuilt without the signals it brought.
 */
public class RuleEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    /** @param rule FILE:LINE: rule "NAME" of the rule at fault, or null when it is not known */
    RuleEvaluationException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule at fault, as FILE:LINE: rule "NAME", or null when it is not known. */
    public String rule() {
        return rule;
    }
}
