package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
    /** The README shows tit-for-tat in DRL; it must compile, and find what the shipped near-English rule finds. */
    @Test
    void theReadmesDrlTitForTatCompilesAndFindsWhatTheShippedRuleFinds() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```drl\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        CompiledRules fromReadme = new RuleCompiler().compile(Map.of("readme.drl", block.group(1))).rules()
                .orElseThrow();
        CompiledRules shipped = new RuleCompiler().compile(Path.of("rules")).rules().orElseThrow();
        Article a = new Article("a1", "t", "", LocalDate.parse("2019-02-27"), null, null);
        List<Signal> strikes = List.of(
                new Signal(SignalType.STRIKE, "IND", "PAK", LocalDate.parse("2019-02-26"), false, "e1", a, 0.9),
                new Signal(SignalType.STRIKE, "PAK", "IND", LocalDate.parse("2019-02-27"), false, "e2", a, 0.9));
        List<List<String>> found = new ArrayList<>();
        for (CompiledRules rules : List.of(fromReadme, shipped)) {
            try (RuleEngine engine = new RuleEngine(rules, RuleSettings.DEFAULTS)) {
                found.add(engine.evaluate(strikes, LocalDate.parse("2019-02-27")).stream()
                        .filter(d -> d.rule().equals("tit-for-tat"))
                        .map(d -> d.severity() + " " + d.type() + " " + d.evidence()).toList());
            }
        }
        assertThat(found.get(0)).hasSize(1).isEqualTo(found.get(1));
    }

    @Test
    void shippedRulesCompile() {
        CompileResult r = new RuleCompiler().compile(Path.of("rules"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.rules().orElseThrow().ruleNames()).contains("tit-for-tat", "strike-between-states");
    }

    @Test
    void syntaxErrorNamesTheAdminsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.drl"), """
                package watchfloor;
                rule "fine" when then end
                """);
        Files.writeString(dir.resolve("broken.drl"), """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;

                rule "broken"
                when
                    $s : SignalFact( type == "STRIKE" && )
                then
                end
                """);
        CompileResult r = new RuleCompiler().compile(dir);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.errors().get(0).file()).isEqualTo(dir.resolve("broken.drl").toString());
        assertThat(r.errors().get(0).line()).isEqualTo(6);
        assertThat(r.errors().get(0).toString()).startsWith(dir.resolve("broken.drl") + ":6: ");
    }

    @Test
    void unknownFieldIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.drl"), """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                rule "typo"
                when
                    $s : SignalFact( typ == "STRIKE" )
                then
                end
                """);
        CompileResult r = new RuleCompiler().compile(dir);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("typo.drl");
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void emptyOrMissingFolderIsAClearError(@TempDir Path dir) {
        assertThat(new RuleCompiler().compile(dir).errors().get(0).message()).contains("no rule files");
        assertThat(new RuleCompiler().compile(dir.resolve("nope")).errors().get(0).message())
                .contains("rules folder not found");
    }

    @Test
    void ruleOnAnUnknownSignalTypeIsAnErrorAtItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.drl"), """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;

                rule "typo"
                when
                    $s : SignalFact( type in ("STRIKE", "AIRSTRIKE"), !planned )
                then
                    alerts.raise(drools).type("STRIKE");
                end
                """);
        CompileResult r = new RuleCompiler().compile(dir);
        assertThat(r.ok()).as("refused: it could never match").isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.toString()).startsWith(dir.resolve("typo.drl") + ":7: rule \"typo\" can never match:"
                    + " \"AIRSTRIKE\" is not a signal type");
        });
    }

    @Test
    void nearEnglishRulesAreCheckedToo(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/watchfloor.dsl"), dir.resolve("watchfloor.dsl"));
        Files.writeString(dir.resolve("r.dslr"), """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;

                rule "retaliation by rockets"
                when
                    a ROCKETS by A on B is followed within 3 days by a STRIKE by B on A
                then
                    raise a WARNING ESCALATION alert of type RETALIATION
                end
                """);
        CompileResult r = new RuleCompiler().compile(dir);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("r.dslr");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("\"ROCKETS\" is not a signal type");
        });
    }

    @Test
    void shippedRulesHaveNoWarnings() {
        assertThat(new RuleCompiler().compile(Path.of("rules")).problems()).isEmpty();
    }
}
