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
    void anAlertRememberedWholeAnswersHeldAndNotHeldPastTheOld256Reports() {
        RecentAlerts recent = new RecentAlerts();
        recent.seen(alert("war", reports(0, 10)), reports(0, 10), 10, true);
        for (int i = 10; i < 1_000; i += 10) {
            // merged ten at a time, as a rule's window fills
            recent.seen(alert("war", reports(0, 1)), reports(i, i + 10), i + 10, false);
        }
        AlertKnowledge soleWriter = recent.knowledge("war", true);
        for (Evidence held : reports(0, 1_000)) {
            assertThat(soleWriter.holdsReport(held)).isTrue();
        }
        for (Evidence fresh : reports(1_000, 1_100)) {
            assertThat(soleWriter.holdsReport(fresh)).isFalse();
        }
        assertThat(soleWriter.holdsSource("outlet-0")).isTrue();
        assertThat(soleWriter.holdsSource("outlet-299")).isTrue();
        assertThat(soleWriter.holdsSource("outlet-new")).isFalse();
        assertThat(recent.unchangedBy("war", Severity.INFO, reports(500, 510))).isPresent();
        assertThat(recent.unchangedBy("war", Severity.INFO, reports(995, 1_005))).isEmpty();

        // Where others may write too, memory knows only what is held: "not held" is the store's to say.
        AlertKnowledge shared = recent.knowledge("war", false);
        assertThat(shared.holdsReport(report(10))).isTrue();
        assertThat(shared.holdsReport(report(1_050))).isNull();
        assertThat(shared.holdsSource("outlet-new")).isNull();
    }

    @Test
    void anAlertFirstSeenInAMergeIsKnownOnlyInPart() {
        RecentAlerts recent = new RecentAlerts();
        recent.seen(alert("war", reports(0, 10)), reports(5, 10), 10, false);
        AlertKnowledge knows = recent.knowledge("war", true);
        assertThat(knows.holdsReport(report(7))).isTrue();
        assertThat(knows.holdsReport(report(2))).isNull();
        assertThat(knows.holdsSource("outlet-new")).isNull();
    }

    @Test
    void pastItsBudgetItForgetsTheLeastRecentlyTouchedAlertWhole() {
        RecentAlerts recent = new RecentAlerts(100, 1_300); // two alerts of 300 reports and 300 sources, not three
        recent.seen(alert("old", reports(0, 300)), reports(0, 300), 300, true);
        recent.seen(alert("newer", reports(0, 300)), reports(0, 300), 300, true);
        recent.knowledge("old", true); // touched: now "newer" is the least recent
        recent.seen(alert("newest", reports(0, 300)), reports(0, 300), 300, true);

        assertThat(recent.knowledge("newer", true)).isSameAs(AlertKnowledge.NOTHING);
        assertThat(recent.lastSeen("newer")).isEmpty();
        assertThat(recent.knowledge("old", true).holdsReport(report(299))).isTrue();
        assertThat(recent.knowledge("old", true).holdsReport(report(300))).isFalse();
        assertThat(recent.knowledge("newest", true).holdsReport(report(300))).isFalse();

        // Seen again after it was forgotten: what it held meanwhile is the store's to say.
        recent.seen(alert("newer", reports(0, 301)), reports(300, 301), 301, false);
        assertThat(recent.knowledge("newer", true).holdsReport(report(300))).isTrue();
        assertThat(recent.knowledge("newer", true).holdsReport(report(0))).isNull();
    }
}
