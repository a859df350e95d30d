package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.notify.Notifier;
import io.watchfloor.store.Database;
import io.watchfloor.store.SetAsideStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rules plus a spinning or a throwing rule, under a real pipeline and store. */
class GuardedPipelineTest {
    static final Path FIXTURES = Path.of("src/test/resources/guarded-rules");

    /** The shipped rules plus one fixture, a 5 s limit, and a pipeline on a fresh store telling {@code admins}. */
    private record Setup(Path rules, WatchfloorConfig cfg) {
        static Setup with(Path dir, String fixture) throws Exception {
            Path rules = TestFiles.copy("rules", dir);
            Files.copy(FIXTURES.resolve(fixture), rules.resolve(fixture));
            Path yaml = dir.resolve("watchfloor.yaml");
            // Far above a real article's evaluation, even cold on a loaded machine.
            Files.writeString(yaml, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                    + "\nrules:\n  evaluationTimeout: 5s\n");
            return new Setup(rules, new ConfigLoader(java.util.Map.of()).read(yaml));
        }

        ArticlePipeline pipeline(Database db, Notifier admins) {
            return Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(admins));
        }
    }

    private static Signal signal(SignalType type, String actor, String target, String date, String article) {
        Article a = new Article(article, "Title of " + article, "", LocalDate.parse(date), null, null);
        return new Signal(type, actor, target, LocalDate.parse(date), false, actor + " and " + target + ".", a, 0.9);
    }

    private static ArticleOutcome process(ArticlePipeline p, Signal... signals) {
        Article a = signals[0].article();
        return p.process(a, a.id(), List.of(signals));
    }

    @Test
    @Timeout(180)
    void aSpinningRuleSetsTheArticleAsideAndARuleChangeRetriesIt(@TempDir Path dir) throws Exception {
        Setup setup = Setup.with(dir, "spin.drl");
        Path rules = setup.rules();
        RuleReloadTest.AdminInbox admins = new RuleReloadTest.AdminInbox();
        try (Database db = Database.inMemory("guarded-" + UUID.randomUUID())) {
            ArticlePipeline pipeline = setup.pipeline(db, admins);
            RuleReload reload = new RuleReload(rules, pipeline, ActorCatalog.loadDefault(),
                    Pipelines.parser(setup.cfg()), Clock.systemUTC());

            ArticleOutcome spun = process(pipeline, signal(SignalType.THREAT, "PAK", "IND", "2024-01-10", "threat-1"));
            assertThat(spun.changes()).isEmpty();
            SetAsideStore aside = new SetAsideStore(db);
            assertThat(aside.all()).singleElement().satisfies(s -> {
                assertThat(s.articleId()).isEqualTo("threat-1");
                assertThat(s.rule()).isEqualTo(rules.resolve("spin.drl") + ":6: rule \"spin\"");
                assertThat(s.reason()).contains("was still running after 5s (rules.evaluationTimeout)");
            });
            assertThat(admins.notices).anySatisfy(n -> {
                assertThat(n.severity()).isEqualTo("WARNING");
                assertThat(n.title()).contains("threat-1");
            });
            assertThat(pipeline.incidents().problems()).singleElement().asString()
                    .startsWith("1 article set aside by the rules (first: threat-1: " + rules.resolve("spin.drl"));

            // Processing goes on with the next articles.
            ArticleOutcome strike = process(pipeline, signal(SignalType.STRIKE, "IRN", "PAK", "2024-01-16", "strike-1"));
            assertThat(strike.news()).extracting(c -> c.alert().rule()).contains("strike-between-states");

            // The admin fixes the rule: the reload retries the set-aside article, which is then evaluated.
            Files.delete(rules.resolve("spin.drl"));
            assertThat(reload.reload().swapped()).isTrue();
            assertThat(aside.all()).isEmpty();
            assertThat(pipeline.incidents().problems()).isEmpty();
            assertThat(reload.lastReloadSuccessful()).isTrue();
        }
    }

    @Test
    void aThrowingRuleKeepsTheArticlesOtherAlertsAndIsRefusedAsAChange(@TempDir Path dir) throws Exception {
        Setup setup = Setup.with(dir, "throws.drl");
        Path rules = setup.rules();
        RuleReloadTest.AdminInbox admins = new RuleReloadTest.AdminInbox();
        try (Database db = Database.inMemory("throwing-" + UUID.randomUUID())) {
            // Started with the throwing rule (the window was empty: nothing to try it on).
            ArticlePipeline pipeline = setup.pipeline(db, admins);
            ArticleOutcome o = process(pipeline, signal(SignalType.THREAT, "PAK", "IND", "2024-02-26", "a1"),
                    signal(SignalType.STRIKE, "IND", "PAK", "2024-02-26", "a1"));
            // The strike's alert goes out with this article, not with the next one.
            assertThat(o.news()).extracting(c -> c.alert().rule()).contains("strike-between-states");
            assertThat(pipeline.incidents().problems()).singleElement().asString()
                    .isEqualTo(rules.resolve("throws.drl") + ":6: rule \"boom\" threw 1 time since the rules were"
                            + " loaded (last: IllegalStateException: no rule for THREAT PAK>IND)");
            assertThat(admins.notices).extracting(AdminNotice::title)
                    .contains("A rule threw: " + rules.resolve("throws.drl") + ":6: rule \"boom\"");
            assertThat(new SetAsideStore(db).count()).isZero();

            // Reloading the same rules: the trial over the window meets the threat and the rule throws: refused
            // like a rule that does not compile, and the running rules stay.
            RuleReload reload = new RuleReload(rules, pipeline, ActorCatalog.loadDefault(),
                    Pipelines.parser(setup.cfg()), Clock.systemUTC());
            admins.notices.clear();
            RuleReload.Outcome refused = reload.reload();
            assertThat(refused.swapped()).isFalse();
            assertThat(reload.lastReloadSuccessful()).isFalse();
            assertThat(reload.problem()).startsWith(rules.resolve("throws.drl") + ":6: rule \"boom\" threw"
                    + " IllegalStateException");
            assertThat(admins.notices).singleElement().satisfies(n -> {
                assertThat(n.severity()).isEqualTo("WARNING");
                assertThat(n.title()).contains("the last good rules keep running");
                assertThat(n.details()).singleElement().asString().startsWith(rules.resolve("throws.drl") + ":6:")
                        .contains("tried on the 2 signals in the rules' window");
            });

            Files.delete(rules.resolve("throws.drl"));
            assertThat(reload.reload().swapped()).isTrue();
            assertThat(reload.lastReloadSuccessful()).isTrue();
            assertThat(pipeline.incidents().problems()).isEmpty();
        }
    }
}
