package io.watchfloor.rules;

/** A compile error or warning in an admin's rule file; printed as {@code FILE:LINE: message}. */
public record RuleProblem(String file, int line, boolean error, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (error ? "" : "warning: ") + message;
    }
}
