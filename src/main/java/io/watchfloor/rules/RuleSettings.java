package io.watchfloor.rules;

/**
 * @param freshnessDays events older than this, counted from the article that reports them, are background
 * @param retentionDays how long a signal stays in the rules' working memory (the longest rule window and then some)
 */
public record RuleSettings(int freshnessDays, int retentionDays) {
    public static final RuleSettings DEFAULTS = new RuleSettings(3, 45);

    public RuleSettings {
        if (freshnessDays < 0 || retentionDays < 1) {
            throw new IllegalArgumentException("freshnessDays >= 0 and retentionDays >= 1 expected");
        }
    }
}
