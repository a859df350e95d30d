package io.watchfloor.rules;

import java.util.List;

/** A new rule set failed its trial over the signals in the rules' window: the running rules stay. */
public final class RulesRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    RulesRefusedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the rule's FILE:LINE when known. */
    public List<String> problems() {
        return problems;
    }
}
