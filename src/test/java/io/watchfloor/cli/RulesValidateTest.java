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
    void aRuleWithAlternativesJoinsWithinOnePairOnlyWhenEachAlternativeDoes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("answers.drl");
        String rule = """
                package watchfloor;
                import io.watchfloor.rules.SignalFact;
                global io.watchfloor.rules.AlertSink alerts;

                rule "answered"
                when
                    ( $a : SignalFact( type == "STRIKE", !planned, actor != null, firstReport )
                      and $b : SignalFact( type == "STRIKE", actor == $a.target, target == $a.actor, this after[0d,7d] $a ) )
                    or
                    ( $a : SignalFact( type == "STRIKE", !planned, actor != null, !firstReport )
                      and $b : SignalFact( type == "STRIKE", SECOND_TIE, this after[0d,7d] $a ) )
                then
                    alerts.raise(drools).severity("WARNING").category("ESCALATION").type("ANSWERED");
                end
                """;
        Files.writeString(file, rule.replace("SECOND_TIE", "pair == $a.pair, firstReport"));
        CliRunner tied = CliRunner.run("rules", "validate", "--rules", dir.toString());
        assertThat(tied.exit()).as(tied.err()).isZero();
        assertThat(tied.out()).contains("every rule joins signals of one pair of countries");

        Files.writeString(file, rule.replace("SECOND_TIE", "firstReport"));
        CliRunner loose = CliRunner.run("rules", "validate", "--rules", dir.toString());
        assertThat(loose.exit()).as(loose.err()).isZero();
        assertThat(loose.out()).contains("one rule session for all pairs: " + file + ":5: rule \"answered\""
                + " matches signals of any two pairs together (line 11)");
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

    @Test
    void oneEditedFileIsCheckedInPlaceOfItsNamesakeWithTheRestOfTheFolder(@TempDir Path dir) throws Exception {
        // An edited copy of escalation.drl outside the rules folder: checked with the other shipped files.
        Path edited = dir.resolve("escalation.drl");
        Files.writeString(edited, Files.readString(Path.of("rules/escalation.drl")) + """

                rule "any-threat"
                when
                    $s : SignalFact( type == "THREAT", !planned )
                then
                    alerts.raise(drools).severity("INFO").category("ESCALATION").type("THREAT");
                end
                """);
        CliRunner ok = CliRunner.run("rules", "validate", edited.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).containsPattern("OK: " + java.util.regex.Pattern.quote(edited.toString())
                + ": \\d+ rules \\(.*any-threat.*\\), compiled with the other 3 files of rules");

        // The same file broken: the error names the edited file and its line, and nothing else is blamed.
        Files.writeString(edited, Files.readString(edited).replace("type == \"THREAT\", !planned", "type == "));
        CliRunner bad = CliRunner.run("rules", "validate", edited.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains(edited + ":").doesNotContain("rules/deescalation.drl")
                .contains("in " + edited + " (with rules)");

        CliRunner notRule = CliRunner.run("rules", "validate", dir.resolve("notes.txt").toString());
        assertThat(notRule.exit()).isEqualTo(2);
        assertThat(notRule.err()).contains("notes.txt: not a rule file");
    }
}
