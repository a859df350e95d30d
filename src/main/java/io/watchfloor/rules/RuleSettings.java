package io.watchfloor.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * @param freshnessDays     events older than this, counted from the article that reports them, are background
 * @param retentionDays     how long a signal stays in the rules' working memory (the longest rule window and then
 *                          some)
 * @param evaluationTimeout the longest the rules may work on one article (and a new rule set on its trial)
 */
public record RuleSettings(int freshnessDays, int retentionDays, Duration evaluationTimeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final RuleSettings DEFAULTS = new RuleSettings(3, 45, DEFAULT_TIMEOUT);

    public RuleSettings {
        if (freshnessDays < 0 || retentionDays < 1) {
            throw new IllegalArgumentException("freshnessDays >= 0 and retentionDays >= 1 expected");
        }
        Objects.requireNonNull(evaluationTimeout, "evaluationTimeout");
    }

    public RuleSettings(int freshnessDays, int retentionDays) {
        this(freshnessDays, retentionDays, DEFAULT_TIMEOUT);
    }
}
