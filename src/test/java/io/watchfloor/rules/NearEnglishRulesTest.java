package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-English rules say what they mean: codes are countries, letters are variables, misspellings are refused. */
class NearEnglishRulesTest {
    private static final String HEADER = """
            package watchfloor;
            import io.watchfloor.rules.SignalFact;
            global io.watchfloor.rules.AlertSink alerts;

            """;

    private static CompileResult compile(Path dir, String file, String text) throws Exception {
        Files.copy(Path.of("rules/watchfloor.dsl"), dir.resolve("watchfloor.dsl"));
        Files.writeString(dir.resolve(file), HEADER + text);
        return new RuleCompiler().compile(dir);
    }

    private static Signal signal(SignalType type, String actor, String target, String date, String article) {
        LocalDate d = LocalDate.parse(date);
        return new Signal(type, actor, target, d, false, type + " " + actor + " " + target,
                new Article(article, "t " + article, "", d, null, null), 0.9);
    }

    private static List<String> fired(CompiledRules rules, List<Signal> signals) {
        try (RuleEngine engine = new RuleEngine(rules, RuleSettings.DEFAULTS)) {
            return engine.evaluate(signals, signals.get(signals.size() - 1).eventDate()).stream()
                    .map(d -> d.rule() + " " + d.evidence().get(0).getActor() + ">" + d.evidence().get(0).getTarget())
                    .toList();
        }
    }

    @Test
    void countryCodesAreCountriesAndLettersAreVariables(@TempDir Path dir) throws Exception {
        CompileResult r = compile(dir, "m.dslr", """
                rule "pak-mobilizes-against-india"
                when
                    a MOBILIZATION by PAK on IND
                then
                    raise a WARNING ESCALATION alert
                end

                rule "anyone-mobilizes-against-india"
                when
                    a MOBILIZATION by A on IND
                then
                    raise a WARNING ESCALATION alert
                end
                """);
        assertThat(r.errors()).isEmpty();
        List<Signal> signals = List.of(
                signal(SignalType.MOBILIZATION, "GRC", "TUR", "2024-03-01", "a1"),
                signal(SignalType.MOBILIZATION, "IND", "PAK", "2024-03-02", "a2"),
                signal(SignalType.MOBILIZATION, "PAK", "IND", "2024-03-03", "a3"),
                signal(SignalType.MOBILIZATION, "CHN", "IND", "2024-03-04", "a4"));
        assertThat(fired(r.rules().orElseThrow(), signals)).containsExactlyInAnyOrder(
                "pak-mobilizes-against-india PAK>IND",
                "anyone-mobilizes-against-india PAK>IND", "anyone-mobilizes-against-india CHN>IND");
    }

    @Test
    void anEscalationBeforeIsAnotherEventThanTheOneThatTriggers(@TempDir Path dir) throws Exception {
        CompileResult r = compile(dir, "m.dslr", """
                rule "mobilization-after-escalation"
                when
                    a MOBILIZATION by A on B
                    an escalation between them within 14 days before
                then
                    raise a WARNING ESCALATION alert
                end
                """);
        assertThat(r.errors()).isEmpty();
        CompiledRules rules = r.rules().orElseThrow();
        // Alone, and told by two articles: no escalation before it but itself.
        assertThat(fired(rules, List.of(signal(SignalType.MOBILIZATION, "PAK", "IND", "2024-03-03", "a1"),
                signal(SignalType.MOBILIZATION, "PAK", "IND", "2024-03-03", "a2")))).isEmpty();
        // After a strike ten days before: it fires.
        assertThat(fired(rules, List.of(signal(SignalType.STRIKE, "IND", "PAK", "2024-02-22", "a0"),
                signal(SignalType.MOBILIZATION, "PAK", "IND", "2024-03-03", "a1"))))
                .containsExactly("mobilization-after-escalation PAK>IND");
    }

    @Test
    void aMisspelledSeverityIsRefusedAtItsLineInNearEnglishAndInDrl(@TempDir Path dir) throws Exception {
        CompileResult dslr = compile(dir, "m.dslr", """
                rule "typo"
                when
                    a MOBILIZATION by PAK on IND
                then
                    raise a WARNNG ESCALATION alert
                end
                """);
        assertThat(dslr.ok()).isFalse();
        assertThat(dslr.errors()).singleElement().hasToString(dir.resolve("m.dslr")
                + ":9: rule \"typo\": \"WARNNG\" is not a severity (INFO, WARNING, CRITICAL): did you mean WARNING?");

        Path drlDir = Files.createDirectory(dir.resolve("drl"));
        Files.writeString(drlDir.resolve("d.drl"), HEADER + """
                rule "typos"
                when
                    $s : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("CRITICAL")
                          .category("ESCALATON").type("RETALIATON");
                end
                """);
        CompileResult drl = new RuleCompiler().compile(drlDir);
        assertThat(drl.ok()).isFalse();
        assertThat(drl.errors()).extracting(RuleProblem::toString).containsExactly(
                drlDir.resolve("d.drl") + ":10: rule \"typos\": \"ESCALATON\" is not a category (ESCALATION,"
                        + " DEESCALATION): did you mean ESCALATION?",
                drlDir.resolve("d.drl") + ":10: rule \"typos\": \"RETALIATON\" is not an alert type: did you mean"
                        + " RETALIATION?");
    }

    @Test
    void aCountryThatIsNeitherCodeNorLetterIsRefused(@TempDir Path dir) throws Exception {
        CompileResult r = compile(dir, "m.dslr", """
                rule "mixed case"
                when
                    a MOBILIZATION by Pak on IND
                then
                    raise a WARNING ESCALATION alert
                end

                rule "no such code"
                when
                    a STRIKE by A on PAX
                then
                    raise a WARNING ESCALATION alert
                end
                """);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(RuleProblem::line).containsExactly(7, 14);
        assertThat(r.errors().get(0).message()).contains("\"Pak\" is neither a country code")
                .contains("written in capitals: PAK");
        assertThat(r.errors().get(1).message()).contains("\"PAX\"").contains("no country has that");
    }

    @Test
    void anAlertTypeOfTheAdminsOwnNeedsACategory(@TempDir Path dir) throws Exception {
        CompileResult r = compile(dir, "d.drl", """
                rule "own type"
                when
                    $s : SignalFact( type == "THREAT" )
                then
                    alerts.raise(drools).severity("WARNING").type("NUCLEAR_THREAT");
                end
                """);
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("needs a category"));
    }
}
