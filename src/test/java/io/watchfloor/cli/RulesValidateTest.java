package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesValidateTest {
    @Test
    void shippedRulesAreValid() {
        CliRunner r = CliRunner.run("rules", "validate");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("OK: ").contains("tit-for-tat");
    }

    @Test
    void brokenRuleIsReportedAsFileLineMessageAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.drl");
        Files.writeString(file, """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                rule "broken"
                when
                    $s : SignalFact( type == )
                then
                end
                """);
        CliRunner r = CliRunner.run("rules", "validate", "--rules", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(file + ":5: ");
        assertThat(r.out()).isEmpty();
    }
}
