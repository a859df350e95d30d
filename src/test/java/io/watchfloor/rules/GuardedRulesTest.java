package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real Drools rules that spin and throw, against the guarded engine. */
class GuardedRulesTest {
    static final Path FIXTURES = Path.of("src/test/resources/guarded-rules");
    /** Far above what a real evaluation takes, even cold on a loaded machine; the spinning rule never ends. */
    static final RuleSettings GUARDED = new RuleSettings(3, 45, Duration.ofSeconds(5));

    static CompiledRules compile(String... files) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String f : files) {
            sources.put(FIXTURES.resolve(f).toString(), Files.readString(FIXTURES.resolve(f)));
        }
        CompileResult r = new RuleCompiler().compile(sources);
        assertThat(r.errors()).isEmpty();
        return r.rules().orElseThrow();
    }

    static Signal threat(String actor, String target, String day, String article) {
        Article a = new Article(article, "t", "b", LocalDate.parse(day), null, null);
        return new Signal(SignalType.THREAT, actor, target, LocalDate.parse(day), false, "evidence", a, 0.9);
    }

    @Test
    @Timeout(120)
    void aSpinningRuleIsCutOffNamedAndTheNextArticlesGoOn() throws Exception {
        try (RuleEngine engine = new RuleEngine(compile("any-threat.drl", "spin.drl"), GUARDED)) {
            assertThat(engine.evaluate(List.of(threat("IRN", "ISR", "2024-01-10", "a1")), LocalDate.parse("2024-01-10")))
                    .extracting(AlertDraft::rule).containsExactly("any-threat");

            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.evaluate(List.of(threat("PAK", "IND", "2024-01-11", "a2")),
                    LocalDate.parse("2024-01-11")))
                    .isInstanceOf(RuleTimeoutException.class)
                    .hasMessageContaining(FIXTURES.resolve("spin.drl") + ":6: rule \"spin\" was still running after 5s")
                    .satisfies(e -> assertThat(((RuleTimeoutException) e).rule())
                            .isEqualTo(FIXTURES.resolve("spin.drl") + ":6: rule \"spin\""));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));

            // The set-aside article's signals are not in the rules' memory; the earlier ones are, and rules go on.
            assertThat(engine.windowSize()).isEqualTo(1);
            assertThat(engine.evaluate(List.of(threat("IND", "PAK", "2024-01-12", "a3")), LocalDate.parse("2024-01-12")))
                    .extracting(AlertDraft::rule).containsExactly("any-threat");
            assertThat(engine.windowSize()).isEqualTo(2);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("watchfloor-rules")
                    && t.getState() == Thread.State.RUNNABLE).as("the spinning thread was stopped").isEmpty();
        }
    }

    @Test
    void aThrowingRuleLosesOnlyItsOwnMatchAndTheArticlesOtherAlertsGoOutAtOnce() throws Exception {
        try (RuleEngine engine = new RuleEngine(compile("any-threat.drl", "throws.drl"), GUARDED)) {
            List<AlertDraft> drafts = engine.evaluate(List.of(threat("PAK", "IND", "2024-01-11", "a1"),
                    threat("IRN", "ISR", "2024-01-11", "a1")), LocalDate.parse("2024-01-11"));
            // Both threats raise their alert now, not at the next article; the half-raised BOOM is dropped.
            assertThat(drafts).extracting(AlertDraft::rule).containsExactly("any-threat", "any-threat");
            assertThat(drafts).extracting(AlertDraft::type).doesNotContain("BOOM");
            assertThat(engine.drainFailures()).singleElement().hasToString(FIXTURES.resolve("throws.drl")
                    + ":6: rule \"boom\" threw IllegalStateException: no rule for THREAT PAK>IND (signals of a1)");
            assertThat(engine.drainFailures()).isEmpty();
            assertThat(engine.windowSize()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(120)
    void aRuleSetThatThrowsOrSpinsOnTheWindowIsRefusedAndTheRunningRulesStay() throws Exception {
        CompiledRules good = compile("any-threat.drl");
        try (RuleEngine engine = new RuleEngine(good, GUARDED)) {
            engine.evaluate(List.of(threat("PAK", "IND", "2024-01-11", "a1")), LocalDate.parse("2024-01-11"));

            assertThatThrownBy(() -> engine.swap(compile("any-threat.drl", "throws.drl")))
                    .isInstanceOf(RulesRefusedException.class)
                    .satisfies(e -> assertThat(((RulesRefusedException) e).problems()).singleElement().asString()
                            .startsWith(FIXTURES.resolve("throws.drl") + ":6: rule \"boom\" threw IllegalStateException")
                            .endsWith("(tried on the 1 signals in the rules' window)"));
            assertThat(engine.rules()).isSameAs(good);

            assertThatThrownBy(() -> engine.swap(compile("any-threat.drl", "spin.drl")))
                    .isInstanceOf(RulesRefusedException.class)
                    .hasMessageContaining(FIXTURES.resolve("spin.drl") + ":6: rule \"spin\" was still running");
            assertThat(engine.rules()).isSameAs(good);

            // The running rules still work, on the whole window.
            assertThat(engine.evaluate(List.of(threat("IRN", "ISR", "2024-01-12", "a2")), LocalDate.parse("2024-01-12")))
                    .extracting(AlertDraft::rule).containsExactly("any-threat");
            assertThat(engine.windowSize()).isEqualTo(2);
            // A good rule set is tried and swapped in; what it raises over the window comes back to be decided.
            assertThat(engine.swap(compile("any-threat.drl"))).hasSize(2);
        }
    }
}
