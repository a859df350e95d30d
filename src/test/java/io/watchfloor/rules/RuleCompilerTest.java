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
        assertThat(new RuleCompiler().compile(dir).errors().get(0).message()).contains("no .drl files");
        assertThat(new RuleCompiler().compile(dir.resolve("nope")).errors().get(0).message())
                .contains("rules folder not found");
    }
}
