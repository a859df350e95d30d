package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compile errors in an admin's words, at the line to fix, with Drools' own message beside. */
class RuleErrorsTest {
    private static final String HEADER = """
            package watchfloor;
            import io.watchfloor.rules.SignalFact;
            global io.watchfloor.rules.AlertSink alerts;
            """;

    private static List<String> errors(String file, String text) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("rules/watchfloor.dsl", readDsl());
        sources.put("rules/" + file, HEADER + text);
        return new RuleCompiler().compile(sources).errors().stream().map(RuleProblem::toString).toList();
    }

    private static String readDsl() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("rules/watchfloor.dsl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingEndIsReportedAfterTheRulesLastLineNotAtTheNextRule() {
        assertThat(errors("x.drl", """
                rule "a"
                when
                    $a : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("INFO").type("STRIKE");

                rule "b"
                when
                    $b : SignalFact( type == "CLASH" )
                then
                    alerts.raise(drools).severity("INFO").type("CLASH");
                end
                """)).singleElement().asString()
                .startsWith("rules/x.drl:8: rule \"a\" (line 4) has no 'end': it belongs after this line (Drools:");
    }

    @Test
    void aMissingEndAtTheEndOfTheFile() {
        assertThat(errors("x.drl", """
                rule "a"
                when
                    $a : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("INFO").type("STRIKE");
                """)).singleElement().asString().startsWith("rules/x.drl:8: rule \"a\" (line 4) has no 'end'");
    }

    @Test
    void anUnclosedParenthesisIsReportedWhereItOpens() {
        assertThat(errors("x.drl", """
                rule "a"
                when
                    $a : SignalFact( type == "STRIKE"
                then
                    alerts.raise(drools).severity("INFO").type("STRIKE");
                end
                """)).singleElement().asString()
                .startsWith("rules/x.drl:6: the '(' opened on this line is not closed before 'then'");
    }

    @Test
    void aMissingSemicolonIsReportedAtTheActionNotTheRule() {
        assertThat(errors("x.drl", """
                rule "a"
                when
                    $a : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("INFO")
                          .type("STRIKE")
                end
                """)).singleElement().asString()
                .startsWith("rules/x.drl:9: this action must end with ';' (Drools: ");
    }

    @Test
    void anUnknownAlertSettingIsNamedAtItsLine() {
        assertThat(errors("x.drl", """
                rule "a"
                when
                    $a : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("INFO")
                          .colour("red");
                end
                """)).singleElement().asString()
                .startsWith("rules/x.drl:9: 'colour' is not something an alert can be given; it takes severity,");
    }

    @Test
    void aPhraseNoDslLineMatchesIsSaidOnce() {
        assertThat(errors("x.dslr", """
                rule "a"
                when
                    a MOBILISATION on PAK by IND
                then
                    raise a WARNING ESCALATION alert
                end
                """)).singleElement().asString().startsWith("rules/x.dslr:6: no phrase of the .dsl files matches"
                + " \"a MOBILISATION on PAK by IND\"");
    }

    @Test
    void aRuleWithoutWhen() {
        assertThat(errors("x.drl", """
                rule "a"
                    $a : SignalFact( type == "STRIKE" )
                then
                    alerts.raise(drools).severity("INFO").type("STRIKE");
                end
                """)).singleElement().asString().startsWith("rules/x.drl:5: rule \"a\" has no 'when'");
    }
}
