package io.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertKnowledge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory of recent alerts: what it answers by itself, and when it leaves the answer to the store. */
class RecentAlertsTest {
    private static final LocalDate DAY = LocalDate.parse("2024-01-16");

    private static Evidence report(int i) {
        return new Evidence("Iran struck Pakistan, report " + i + ".", "a" + i, "title " + i, null, DAY,
                "outlet-" + (i % 300));
    }

    private static List<Evidence> reports(int from, int to) {
        List<Evidence> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(report(i));
        }
        return out;
    }

    private static Alert alert(String id, List<Evidence> evidence) {
        return new Alert(id, "strike-between-states", Category.ESCALATION, "STRIKE", Severity.INFO,
                List.of("IRN", "PAK"), DAY, "Iranian strike on Pakistan", "Iran struck Pakistan.", evidence, 1);
    }

    @Test
    void anAlertRememberedAnswersHeldForEveryReportItSawAndLeavesTheRestToTheStore() {
        RecentAlerts recent = new RecentAlerts();
        recent.seen(alert("war", reports(0, 10)), reports(0, 10), 10);
        for (int i = 10; i < 1_000; i += 10) {
            // merged ten at a time, as a rule's window fills
            recent.seen(alert("war", reports(0, 1)), reports(i, i + 10), i + 10);
        }
        AlertKnowledge knows = recent.knowledge("war");
        for (Evidence held : reports(0, 1_000)) {
            assertThat(knows.holdsReport(held)).isTrue();
        }
        // Another node may have added a report or an outlet since: "not held" is the store's to say.
        assertThat(knows.holdsReport(report(1_050))).isNull();
        assertThat(knows.holdsSource("outlet-0")).isTrue();
        assertThat(knows.holdsSource("outlet-299")).isTrue();
        assertThat(knows.holdsSource("outlet-new")).isNull();
        assertThat(recent.unchangedBy("war", Severity.INFO, reports(500, 510))).isPresent();
        assertThat(recent.unchangedBy("war", Severity.WARNING, reports(500, 510))).isEmpty();
        assertThat(recent.unchangedBy("war", Severity.INFO, reports(995, 1_005))).isEmpty();
        assertThat(recent.lastSeen("war").orElseThrow().reportsHeld()).isEqualTo(1_000);
    }

    @Test
    void pastItsBudgetItForgetsTheLeastRecentlyTouchedAlertWhole() {
        RecentAlerts recent = new RecentAlerts(100, 1_300); // two alerts of 300 reports and 300 sources, not three
        recent.seen(alert("old", reports(0, 300)), reports(0, 300), 300);
        recent.seen(alert("newer", reports(0, 300)), reports(0, 300), 300);
        recent.knowledge("old"); // touched: now "newer" is the least recent
        recent.seen(alert("newest", reports(0, 300)), reports(0, 300), 300);

        assertThat(recent.knowledge("newer")).isSameAs(AlertKnowledge.NOTHING);
        assertThat(recent.lastSeen("newer")).isEmpty();
        assertThat(recent.knowledge("old").holdsReport(report(299))).isTrue();
        assertThat(recent.knowledge("newest").holdsReport(report(0))).isTrue();

        // Seen again after it was forgotten: it knows what it saw since, and asks the store the rest.
        recent.seen(alert("newer", reports(0, 301)), reports(300, 301), 301);
        assertThat(recent.knowledge("newer").holdsReport(report(300))).isTrue();
        assertThat(recent.knowledge("newer").holdsReport(report(0))).isNull();
    }
}
