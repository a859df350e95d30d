package io.watchfloor.rules;

import java.util.List;

/**
 * A rule's consequence threw: that match raised nothing, and the other rules went on.
 *
 * @param rule     FILE:LINE: rule "NAME"
 * @param error    the exception, class and message
 * @param articles the articles whose signals the rule had matched
 */
public record RuleFailure(String rule, String error, List<String> articles) {
    public RuleFailure {
        articles = List.copyOf(articles);
    }

    @Override
    public String toString() {
        return rule + " threw " + error + (articles.isEmpty() ? "" : " (signals of " + String.join(", ", articles)
                + ")");
    }
}
