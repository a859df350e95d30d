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
        assertThat(r.out()).startsWith("OK: ").contains("tit-for-tat")
                .contains("every rule joins signals of one pair of countries: pairs are evaluated apart");
    }

    @Test
    void aRuleJoiningTwoPairsIsNamedAsTheReasonForOneSession(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules/escalation.drl"), dir.resolve("escalation.drl"));
        Path file = dir.resolve("contagion.drl");
        Files.writeString(file, """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;

                // A strike by the same attacker on someone else within a week: two pairs in one rule.
                rule "second-front"
                when
                    $a : SignalFact( type == "STRIKE", !planned, actor != null, $attacker : actor )
                    $b : SignalFact( type == "STRIKE", !planned, actor == $attacker, pair != $a.pair,
                                     this after[0d,7d] $a )
                then
                    alerts.raise(drools).severity("WARNING").category("ESCALATION").type("SECOND_FRONT");
                end
                """);
        CliRunner r = CliRunner.run("rules", "validate", "--rules", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("one rule session for all pairs: " + file + ":6: rule \"second-front\""
                + " matches signals of any two pairs together (line 9)");
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
