package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static CompiledRules shipped;

    @BeforeAll
    static void compileShippedRules() {
        CompileResult r = new RuleCompiler().compile(Path.of("rules"));
        assertThat(r.errors()).isEmpty();
        shipped = r.rules().orElseThrow();
    }

    private static Signal signal(SignalType t, String actor, String target, String date, String published, String id) {
        Article a = new Article(id, "t", "b", LocalDate.parse(published), null, null);
        return new Signal(t, actor, target, LocalDate.parse(date), false, "evidence", a, 0.9);
    }

    @Test
    void titForTatFiresOnceForRetaliationWithinSevenDaysOnEventTime() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            // Both strikes reported in one article two weeks later: event time, not arrival time, decides.
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-29", "a1"),
                    signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-29", "a1")),
                    LocalDate.parse("2024-01-29"));
            assertThat(drafts).filteredOn(d -> d.rule().equals("tit-for-tat")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.severity()).isEqualTo("CRITICAL");
                        assertThat(d.evidence()).extracting(SignalFact::toString).containsExactly(
                                "STRIKE IRN>PAK 2024-01-16 [a1]", "STRIKE PAK>IRN 2024-01-18 [a1]");
                    });
            // Old events are background, not news.
            assertThat(drafts).filteredOn(d -> d.rule().equals("strike-between-states"))
                    .extracting(AlertDraft::severity).containsExactly("INFO", "INFO");
        }
    }

    @Test
    void noTitForTatWhenTheAnswerComesAfterEightDays() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-10", "2024-01-10", "a1")),
                    LocalDate.parse("2024-01-10"));
            List<AlertDraft> drafts = engine.evaluate(
                    List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-18", "a2")),
                    LocalDate.parse("2024-01-18"));
            assertThat(drafts).extracting(AlertDraft::rule).containsExactly("strike-between-states");
        }
    }

    @Test
    void visitAfterEscalationIsDeescalationButNotWithoutOne() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            List<AlertDraft> calm = engine.evaluate(
                    List.of(signal(SignalType.VISIT, "FRA", "DEU", "2024-01-20", "2024-01-20", "a0")),
                    LocalDate.parse("2024-01-20"));
            assertThat(calm).isEmpty();
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                    LocalDate.parse("2024-01-16"));
            List<AlertDraft> drafts = engine.evaluate(
                    List.of(signal(SignalType.VISIT, "IRN", "PAK", "2024-01-29", "2024-01-29", "a2")),
                    LocalDate.parse("2024-01-29"));
            assertThat(drafts).extracting(AlertDraft::rule).containsExactly("deescalation-after-escalation");
        }
    }

    @Test
    void swapKeepsTheWindowAndOldSignalsExpire() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                    LocalDate.parse("2024-01-16"));
            List<AlertDraft> replayed = engine.swap(shipped);
            assertThat(replayed).extracting(AlertDraft::rule).containsExactly("strike-between-states");
            List<AlertDraft> drafts = engine.evaluate(
                    List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-18", "a2")),
                    LocalDate.parse("2024-01-18"));
            assertThat(drafts).extracting(AlertDraft::rule).contains("tit-for-tat");
            engine.evaluate(List.of(), LocalDate.parse("2024-06-01"));
            assertThat(engine.windowSize()).isZero();
        }
    }

    @Test
    void threeDifferentMovesWithinTwoWeeksAreASpiralButRepeatedReportsOfOneMoveAreNot() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1"),
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a2"),
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a3")),
                    LocalDate.parse("2024-01-16"));
            assertThat(drafts).extracting(AlertDraft::rule).doesNotContain("escalation-spiral");
            engine.evaluate(List.of(signal(SignalType.DIPLOMATIC_DOWNGRADE, "PAK", "IRN", "2024-01-17", "2024-01-17",
                    "a4")), LocalDate.parse("2024-01-17"));
            drafts = engine.evaluate(List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-18", "a5")),
                    LocalDate.parse("2024-01-18"));
            assertThat(drafts).filteredOn(d -> d.rule().equals("escalation-spiral")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.severity()).isEqualTo("CRITICAL");
                        assertThat(d.actors()).containsExactly("IRN", "PAK");
                        assertThat(d.evidence()).extracting(SignalFact::getMove).contains("STRIKE IRN>PAK",
                                "DIPLOMATIC_DOWNGRADE PAK>IRN", "STRIKE PAK>IRN");
                    });
        }
    }

    @Test
    void movesMoreThanTwoWeeksApartAreNoSpiral() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-01", "2024-01-01", "a1"),
                    signal(SignalType.DIPLOMATIC_DOWNGRADE, "PAK", "IRN", "2024-01-02", "2024-01-02", "a2")),
                    LocalDate.parse("2024-01-02"));
            List<AlertDraft> drafts = engine.evaluate(
                    List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-17", "2024-01-17", "a3")),
                    LocalDate.parse("2024-01-17"));
            assertThat(drafts).extracting(AlertDraft::rule).doesNotContain("escalation-spiral");
        }
    }

    @Test
    void plannedVisitAfterEscalationIsIntentNotAVisit() {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                    LocalDate.parse("2024-01-16"));
            Article a = new Article("a2", "t", "b", LocalDate.parse("2024-01-29"), null, null);
            Signal planned = new Signal(SignalType.VISIT, "IRN", "PAK", LocalDate.parse("2024-02-05"), true, "e", a,
                    0.8);
            List<AlertDraft> drafts = engine.evaluate(List.of(planned), LocalDate.parse("2024-01-29"));
            assertThat(drafts).extracting(AlertDraft::rule).containsExactly("planned-visit-after-escalation");
            assertThat(drafts.get(0).severity()).isEqualTo("INFO");
            assertThat(drafts.get(0).type()).isEqualTo("PLANNED_VISIT");
        }
    }
}
