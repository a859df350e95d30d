package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
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
    void ruleOnAnUnknownSignalTypeIsAWarningAtItsLine(@TempDir Path dir) throws Exception {
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
        assertThat(r.ok()).as("it compiles").isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isFalse();
            assertThat(p.toString()).startsWith(dir.resolve("typo.drl") + ":7: warning: rule \"typo\" can never match:"
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
        assertThat(r.ok()).isTrue();
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
