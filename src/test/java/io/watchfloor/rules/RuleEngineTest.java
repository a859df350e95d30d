package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.pipeline.Pipelines;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static CompiledRules shipped;
    private static AnswerReader answers;

    @BeforeAll
    static void compileShippedRules() {
        CompileResult r = new RuleCompiler().compile(Path.of("rules"));
        assertThat(r.errors()).isEmpty();
        shipped = r.rules().orElseThrow();
        answers = Pipelines.answers(ActorCatalog.loadDefault());
    }

    private static RuleEngine engine() {
        return new RuleEngine(shipped, RuleSettings.DEFAULTS, answers);
    }

    private static Signal said(SignalType t, String actor, String target, String date, String id, String sentence) {
        Article a = new Article(id, "t", "b", LocalDate.parse(date), null, null);
        return new Signal(t, actor, target, LocalDate.parse(date), false, sentence, a, 0.9);
    }

    private static List<String> titForTats(List<AlertDraft> drafts) {
        return drafts.stream().filter(d -> d.rule().equals("tit-for-tat"))
                .map(d -> d.evidence().stream().map(SignalFact::toString).toList().toString()).toList();
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
            assertThat(drafts).filteredOn(d -> d.rule().equals("strike-between-states")).hasSize(2);
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

    @Test
    void aRetaliationHoursAfterTheStrikeTheSameDayIsTitForTat() {
        try (RuleEngine engine = engine()) {
            String s = "Hours after Iran launched missile strikes on militant bases in Pakistan on Tuesday, Pakistan "
                    + "retaliated with air strikes inside Iran.";
            // The extractor may give the answer first: the sentence, not the order of signals, decides.
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    said(SignalType.STRIKE, "PAK", "IRN", "2024-01-16", "a1", s),
                    said(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "a1", s)), LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).containsExactly(
                    "[STRIKE IRN>PAK 2024-01-16 [a1], STRIKE PAK>IRN 2024-01-16 [a1]]");
        }
    }

    @Test
    void anAnswerToldInAnotherReportOfTheSameDayCountsWhicheverArrivesFirst() {
        try (RuleEngine engine = engine()) {
            List<AlertDraft> drafts = engine.evaluate(List.of(said(SignalType.STRIKE, "PAK", "IRN", "2024-01-16", "a2",
                    "Pakistan struck targets in Iran on Tuesday in response, the army said.")),
                    LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).isEmpty();
            drafts = engine.evaluate(List.of(said(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "a3",
                    "Iran struck targets in Pakistan on Tuesday.")), LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).containsExactly(
                    "[STRIKE IRN>PAK 2024-01-16 [a3], STRIKE PAK>IRN 2024-01-16 [a2]]");
        }
    }

    @Test
    void twoStrikesOfOneDayWithoutAWordOfOrderAreNoTitForTat() {
        try (RuleEngine engine = engine()) {
            // Most likely one event told twice, once with the roles the wrong way round: no CRITICAL retaliation.
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    said(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "a1", "Iran struck Pakistan on Tuesday."),
                    said(SignalType.STRIKE, "PAK", "IRN", "2024-01-16", "a2", "Pakistan struck Iran on Tuesday.")),
                    LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).isEmpty();
            String exchanged = "Iran and Pakistan exchanged strikes across the border on Tuesday.";
            drafts = engine.evaluate(List.of(
                    said(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "a3", exchanged),
                    said(SignalType.STRIKE, "PAK", "IRN", "2024-01-16", "a3", exchanged)), LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).isEmpty();
        }
    }

    @Test
    void aSentenceThatTellsOnlyTheAnswerIsNotItsOwnRetaliation() {
        try (RuleEngine engine = engine()) {
            // One sentence read both ways round (a wrong role): it tells one strike, not two.
            String s = "Pakistan retaliated with strikes inside Iran on Tuesday.";
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    said(SignalType.STRIKE, "PAK", "IRN", "2024-01-16", "a1", s),
                    said(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "a1", s)), LocalDate.parse("2024-01-16"));
            assertThat(titForTats(drafts)).isEmpty();
        }
    }

    @Test
    void everyKindOfDeescalationAfterEscalationRaisesADeescalationAlert() {
        for (SignalType t : SignalType.values()) {
            if (t.escalation()) {
                continue;
            }
            try (RuleEngine engine = engine()) {
                String[] pair = t.directed() ? new String[] {"PAK", "IRN"} : new String[] {"IRN", "PAK"};
                Signal d = signal(t, pair[0], pair[1], "2024-01-29", "2024-01-29", "a2");
                List<AlertDraft> calm = engine.evaluate(List.of(d), LocalDate.parse("2024-01-29"));
                engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                        LocalDate.parse("2024-01-29"));
                List<AlertDraft> after = engine.evaluate(List.of(signal(t, pair[0], pair[1], "2024-01-29",
                        "2024-01-29", "a3")), LocalDate.parse("2024-01-29"));
                assertThat(after).as(t.name()).singleElement().satisfies(a -> {
                    assertThat(a.category()).isEqualTo("DEESCALATION");
                    assertThat(a.type()).isEqualTo(t.name());
                    assertThat(a.severity()).isEqualTo("WARNING");
                });
                // Ceasefires and restored relations matter even without escalation before; the rest is routine.
                boolean always = t == SignalType.CEASEFIRE || t == SignalType.RESTORE_RELATIONS;
                assertThat(calm).as(t.name()).hasSize(always ? 1 : 0);
            }
        }
    }

    @Test
    void aLateReportOfEarlierMovesStillMakesTheirSpiral() {
        try (RuleEngine engine = engine()) {
            // A move four weeks later arrives first; the spiral of early January is told afterwards.
            engine.evaluate(List.of(signal(SignalType.THREAT, "PAK", "IRN", "2024-02-01", "2024-02-01", "a0")),
                    LocalDate.parse("2024-02-01"));
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-02-02", "a1"),
                    signal(SignalType.DIPLOMATIC_DOWNGRADE, "PAK", "IRN", "2024-01-17", "2024-02-02", "a1"),
                    signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-02-02", "a1")),
                    LocalDate.parse("2024-02-02"));
            assertThat(drafts).filteredOn(d -> d.rule().equals("escalation-spiral"))
                    .extracting(AlertDraft::eventDate).contains(LocalDate.parse("2024-01-18"));
            assertThat(titForTats(drafts)).hasSize(1);
        }
    }

    @Test
    void onlyTheFirstReportOfAnEventOrAnEarlierPublishedOneIsAFirstReport() {
        try (RuleEngine engine = engine()) {
            List<AlertDraft> drafts = engine.evaluate(List.of(
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-20", "a1"),
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-20", "a2"),
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-17", "a3"),
                    signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-17", "2024-01-20", "a4")),
                    LocalDate.parse("2024-01-20"));
            assertThat(drafts).filteredOn(d -> d.rule().equals("strike-between-states"))
                    .flatExtracting(AlertDraft::evidence).filteredOn(SignalFact::isFirstReport)
                    .extracting(SignalFact::getArticleId).containsExactlyInAnyOrder("a1", "a3", "a4");
        }
    }

    @Test
    void aLateReportMeetsHistoryOlderThanTheLongestRuleWindowWhileTheRulesHoldIt() {
        try (RuleEngine engine = engine()) {
            engine.evaluate(List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-01", "2024-01-01", "a1")),
                    LocalDate.parse("2024-01-01"));
            // Five weeks later (past every rule's window, within the 45 days the rules hold signals) the answer is
            // told for the first time: Drools must not have let the first strike expire on its own.
            engine.evaluate(List.of(signal(SignalType.TALKS, "DEU", "FRA", "2024-02-08", "2024-02-08", "a2")),
                    LocalDate.parse("2024-02-08"));
            List<AlertDraft> drafts = engine.evaluate(
                    List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-03", "2024-02-08", "a3")),
                    LocalDate.parse("2024-02-08"));
            assertThat(titForTats(drafts)).containsExactly(
                    "[STRIKE IRN>PAK 2024-01-01 [a1], STRIKE PAK>IRN 2024-01-03 [a3]]");
        }
    }

    @Test
    void oneArticleMeetingSeveralReportsDecidesThemInTheOrderTheyArrivedHoweverTheRuleIsWritten() {
        // tit-for-tat as one join with "$a.firstReport || firstReport": the same pairs as the shipped rule's two
        // alternatives, which Drools fires in another order
        CompileResult oneJoin = new RuleCompiler().compile(Map.of("one-join.drl", """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;
                rule "tit-for-tat"
                when
                    $a : SignalFact( type == "STRIKE", !planned, actor != null, actor != target )
                    $b : SignalFact( type == "STRIKE", !planned, actor == $a.target, target == $a.actor,
                                     $a.firstReport || firstReport, follows( $a, 7 ) )
                then
                    alerts.raise(drools).severity("CRITICAL").category("ESCALATION").type("RETALIATION");
                end
                """));
        assertThat(oneJoin.errors()).isEmpty();
        List<List<Signal>> articles = List.of(
                List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "2024-01-17", "a2")), // a1's event
                List.of(signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-17", "2024-01-17", "a3")), // a new one
                List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-18", "b1")),
                List.of(signal(SignalType.STRIKE, "PAK", "IRN", "2024-01-18", "2024-01-19", "b2"))); // b1's event
        List<List<String>> shippedDrafts = new ArrayList<>();
        List<List<String>> oneJoinDrafts = new ArrayList<>();
        try (RuleEngine two = engine();
             RuleEngine one = new RuleEngine(oneJoin.rules().orElseThrow(), RuleSettings.DEFAULTS, answers)) {
            for (List<Signal> article : articles) {
                LocalDate day = article.get(0).article().published();
                shippedDrafts.add(titForTats(two.evaluate(article, day)));
                oneJoinDrafts.add(titForTats(one.evaluate(article, day)));
            }
        }
        // b1, a first report, meets every report of the first strikes; b2 only their first reports
        assertThat(shippedDrafts.get(3)).containsExactly(
                "[STRIKE IRN>PAK 2024-01-16 [a1], STRIKE PAK>IRN 2024-01-18 [b1]]",
                "[STRIKE IRN>PAK 2024-01-16 [a2], STRIKE PAK>IRN 2024-01-18 [b1]]",
                "[STRIKE IRN>PAK 2024-01-17 [a3], STRIKE PAK>IRN 2024-01-18 [b1]]");
        assertThat(shippedDrafts.get(4)).containsExactly(
                "[STRIKE IRN>PAK 2024-01-16 [a1], STRIKE PAK>IRN 2024-01-18 [b2]]",
                "[STRIKE IRN>PAK 2024-01-17 [a3], STRIKE PAK>IRN 2024-01-18 [b2]]");
        assertThat(oneJoinDrafts).isEqualTo(shippedDrafts);
    }
}
