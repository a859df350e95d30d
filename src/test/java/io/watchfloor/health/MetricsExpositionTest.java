package io.watchfloor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a Prometheus user reads in /metrics: help for every family, counters there from the start, the build. */
class MetricsExpositionTest {
    @Test
    void everyWatchfloorFamilyHasHelpAndTheCountersAlertsWatchStartAtZero() {
        WatchfloorMetrics metrics = new WatchfloorMetrics("1.2.3");
        metrics.outboxSize(() -> 0);
        metrics.setAside(() -> 0);
        metrics.rulesReload(() -> true, () -> Instant.parse("2026-01-10T08:00:00Z"));
        String before = metrics.scrape();
        assertThat(before).contains("watchfloor_delivery_failures_total 0.0")
                .contains("watchfloor_deliveries_total 0.0")
                .contains("watchfloor_articles_ingested_total 0.0")
                .containsPattern("watchfloor_build_info\\{[^}]*version=\"1\\.2\\.3\"[^}]*} 1(\\.0)?(?m)$");

        metrics.articleProcessed(2, Duration.ofMillis(3));
        metrics.ruleEvaluation(Duration.ofMillis(1));
        metrics.alert("WARNING");
        metrics.delivery(false);
        metrics.poll("folder", Duration.ofMillis(4));
        metrics.ruleFailed("tit-for-tat");
        String after = metrics.scrape();
        assertThat(after).contains("watchfloor_delivery_failures_total 1.0");
        // Every family of ours announced with a # HELP line that says something.
        Matcher types = Pattern.compile("(?m)^# TYPE (watchfloor_\\w+) ").matcher(after);
        int families = 0;
        while (types.find()) {
            families++;
            assertThat(after).as(types.group(1)).containsPattern("(?m)^# HELP " + types.group(1) + " \\S+");
        }
        assertThat(families).isGreaterThanOrEqualTo(12);
    }
}
