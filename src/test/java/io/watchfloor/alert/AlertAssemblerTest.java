package io.watchfloor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Severity;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Severity follows freshness, the same way for every rule: an alert is news when the newest report it rests on came
 * within the freshness window (3 days) of its event; else it is INFO background.
 */
class AlertAssemblerTest {
    private static CompiledRules shipped;
    private static AlertAssembler assembler;

    @BeforeAll
    static void setUp() {
        shipped = new RuleCompiler().compile(Path.of("rules")).rules().orElseThrow();
        assembler = new AlertAssembler(Pipelines.names(ActorCatalog.loadDefault()), 3);
    }

    private static Signal strike(String actor, String target, String date, String published, String id) {
        Article a = new Article(id, "t " + id, "", LocalDate.parse(published), null, null);
        return new Signal(SignalType.STRIKE, actor, target, LocalDate.parse(date), false, actor + " struck " + target,
                a, 0.9);
    }

    /** The alerts one article's signals raise after {@code before}, by rule (the last of each rule). */
    private static Map<String, Alert> raised(List<Signal> before, List<Signal> now) {
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            if (!before.isEmpty()) {
                engine.evaluate(before, before.get(0).article().published());
            }
            Map<String, Alert> out = new TreeMap<>();
            engine.evaluate(now, now.get(0).article().published()).forEach(d -> out.put(d.rule(),
                    assembler.assemble(d)));
            return out;
        }
    }

    @Test
    void aCandidateCarriesWhatItsAlertSaysAndMakesTheSameAlert() {
        List<Signal> before = List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-17", "a1"));
        List<Signal> now = List.of(strike("PAK", "IRN", "2024-01-18", "2024-01-18", "a2"),
                strike("PAK", "IRN", "2024-01-18", "2024-01-18", "a3"));
        try (RuleEngine engine = new RuleEngine(shipped, RuleSettings.DEFAULTS)) {
            engine.evaluate(before, LocalDate.parse("2024-01-17"));
            List<AlertDraft> drafts = engine.evaluate(now, LocalDate.parse("2024-01-18"));
            assertThat(drafts).extracting(AlertDraft::rule).contains("tit-for-tat", "strike-between-states");
            for (AlertDraft d : drafts) {
                Alert whole = assembler.assemble(d);
                AlertCandidate c = assembler.candidate(d);
                assertThat(List.of(c.rule(), c.type(), c.severity(), c.actors(), c.eventDate(), c.evidence()))
                        .isEqualTo(List.of(whole.rule(), whole.type(), whole.severity(), whole.actors(),
                                whole.eventDate(), whole.evidence()));
                assertThat(c.alert()).isEqualTo(whole);
            }
        }
    }

    @Test
    void aTitForTatOfOldStrikesIsBackgroundLikeTheStrikes() {
        Map<String, Alert> a = raised(List.of(), List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-29", "a1"),
                strike("PAK", "IRN", "2024-01-18", "2024-01-29", "a1")));
        assertThat(a.get("tit-for-tat").severity()).isEqualTo(Severity.INFO);
        assertThat(a.get("strike-between-states").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aTitForTatIsNewsWhenTheReportThatCompletesItComesInTime() {
        Map<String, Alert> a = raised(List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                List.of(strike("PAK", "IRN", "2024-01-18", "2024-01-19", "a2")));
        assertThat(a.get("tit-for-tat").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.get("tit-for-tat").title()).isEqualTo("Pakistan strikes Iran two days after Iranian strike");
    }

    @Test
    void theFirstStrikeToldOnlyLaterMakesTheTitForTatBackgroundThoughTheAnswerWasNews() {
        // The answer was news on the 18th; that it answered something was learnt eleven days later.
        Map<String, Alert> a = raised(List.of(strike("PAK", "IRN", "2024-01-18", "2024-01-18", "a1")),
                List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-29", "a2")));
        assertThat(a.get("tit-for-tat").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aSpiralIsNewsWhenTheReportOfItsNewestMoveIs() {
        List<Signal> old = List.of(strike("IRN", "PAK", "2024-01-10", "2024-01-10", "a1"),
                new Signal(SignalType.DIPLOMATIC_DOWNGRADE, "PAK", "IRN", LocalDate.parse("2024-01-11"), false,
                        "Pakistan recalled its ambassador", new Article("a1", "t", "", LocalDate.parse("2024-01-11"),
                        null, null), 0.9));
        assertThat(raised(old, List.of(strike("PAK", "IRN", "2024-01-12", "2024-01-13", "a2")))
                .get("escalation-spiral").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised(old, List.of(strike("PAK", "IRN", "2024-01-12", "2024-01-20", "a2")))
                .get("escalation-spiral").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aDeescalationToldWeeksLaterIsBackgroundToo() {
        Article late = new Article("a2", "t", "", LocalDate.parse("2024-02-20"), null, null);
        Map<String, Alert> a = raised(List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                List.of(new Signal(SignalType.RELEASE, "PAK", "IRN", LocalDate.parse("2024-01-30"), false,
                        "Pakistan released Iranian border guards", late, 0.9)));
        assertThat(a.get("deescalation-after-escalation").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aRuleMayKeepAnotherSeverityForStaleAlertsButNeverAHigherOne() {
        String drl = """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;
                rule "kept" when $s : SignalFact( type == "STRIKE" ) then
                    alerts.raise(drools).severity("CRITICAL").whenStale("WARNING").type("STRIKE");
                end
                rule "capped" when $s : SignalFact( type == "STRIKE" ) then
                    alerts.raise(drools).severity("INFO").whenStale("CRITICAL").type("STRIKE");
                end
                """;
        CompiledRules custom = new RuleCompiler().compile(Map.of("custom.drl", drl)).rules().orElseThrow();
        try (RuleEngine engine = new RuleEngine(custom, RuleSettings.DEFAULTS)) {
            Map<String, Severity> severity = new TreeMap<>();
            engine.evaluate(List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-29", "a1")),
                    LocalDate.parse("2024-01-29")).forEach(d -> severity.put(d.rule(), assembler.assemble(d).severity()));
            assertThat(severity).containsEntry("kept", Severity.WARNING).containsEntry("capped", Severity.INFO);
        }
    }

    @Test
    void aPlannedVisitReadsAsAPlanNotAsAVisitThatHappened() {
        Article a = new Article("a2", "Raisi to visit Pakistan", "", LocalDate.parse("2024-01-20"), null, null);
        Map<String, Alert> raised = raised(List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-16", "a1")),
                List.of(new Signal(SignalType.VISIT, "IRN", "PAK", LocalDate.parse("2024-01-27"), true,
                        "Raisi plans to visit Pakistan soon.", a, 0.8)));
        assertThat(raised.get("planned-visit-after-escalation").summary())
                .isEqualTo("An official of Iran plans to visit Pakistan (expected 2024-01-27).");
    }

    @Test
    void noTitForTatIsMoreSevereThanTheStrikesItIsMadeOfWhenAllAreToldLate() {
        // Each strike told days late, in articles of their own: background, and so is what they make together.
        Map<String, Alert> a = raised(List.of(strike("IRN", "PAK", "2024-01-16", "2024-01-22", "a1")),
                List.of(strike("PAK", "IRN", "2024-01-18", "2024-01-25", "a2")));
        assertThat(a.get("strike-between-states").severity()).isEqualTo(Severity.INFO);
        assertThat(a.get("tit-for-tat").severity()).isEqualTo(Severity.INFO);
    }
}
