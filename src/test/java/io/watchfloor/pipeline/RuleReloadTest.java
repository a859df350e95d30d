package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.model.Article;
import io.watchfloor.model.Severity;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.notify.Notifier;
import io.watchfloor.rules.RuleFolderWatcher;
import io.watchfloor.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import io.watchfloor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing rules under a running pipeline: good changes take effect, broken ones are refused and reported. */
class RuleReloadTest {
    /** Keeps what the pipeline tells admins, as an admin's mailbox would. */
    static final class AdminInbox implements Notifier {
        final List<AdminNotice> notices = new CopyOnWriteArrayList<>();

        @Override
        public void notify(AlertChange change) {
        }

        @Override
        public void admin(AdminNotice notice) {
            notices.add(notice);
        }
    }

    private static Signal downgrade(String actor, String target, String date, String id) {
        Article a = new Article(id, "t", "b", LocalDate.parse(date), null, null);
        return new Signal(SignalType.DIPLOMATIC_DOWNGRADE, actor, target, LocalDate.parse(date), false,
                actor + " recalled its ambassador from " + target + ".", a, 0.9);
    }

    private static Severity downgradeSeverity(ArticlePipeline p, Signal s) {
        return p.process(s.article(), s.article().id(), List.of(s)).news().stream()
                .filter(c -> c.alert().rule().equals("diplomatic-downgrade")).findFirst().orElseThrow()
                .alert().severity();
    }

    private static void waitUntil(BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ok.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the reload").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void goodChangeTakesEffectForTheNextArticleAndABrokenOneKeepsTheLastGoodRules(@TempDir Path dir)
            throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        WatchfloorConfig cfg = WatchfloorConfig.withRules(rules.toString());
        AdminInbox inbox = new AdminInbox();
        try (Database db = Database.inMemory("reload-" + UUID.randomUUID())) {
            ArticlePipeline pipeline = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(inbox));
            RuleReload reload = new RuleReload(rules, pipeline, ActorCatalog.loadDefault(), Pipelines.parser(cfg),
                    Clock.systemUTC());
            try (RuleFolderWatcher watcher = new RuleFolderWatcher(rules, 200, reload::reload)) {
                watcher.start();
                assertThat(downgradeSeverity(pipeline, downgrade("PAK", "IRN", "2024-01-17", "a1")))
                        .isEqualTo(Severity.WARNING);

                Path file = rules.resolve("escalation.drl");
                String original = Files.readString(file);
                String critical = original.replace("""
                        $s : SignalFact( type == "DIPLOMATIC_DOWNGRADE", !planned, actor != null, actor != target )
                        then
                            alerts.raise(drools).severity("WARNING")""", """
                        $s : SignalFact( type == "DIPLOMATIC_DOWNGRADE", !planned, actor != null, actor != target )
                        then
                            alerts.raise(drools).severity("CRITICAL")""");
                assertThat(critical).isNotEqualTo(original);
                Files.writeString(file, critical);
                waitUntil(() -> reload.swaps() == 1);
                assertThat(downgradeSeverity(pipeline, downgrade("IND", "CAN", "2024-02-01", "a2")))
                        .isEqualTo(Severity.CRITICAL);

                Files.writeString(file, critical.replace("actor != target )", "actor != target"));
                waitUntil(() -> reload.rejections() >= 1);
                assertThat(reload.swaps()).isEqualTo(1);
                assertThat(downgradeSeverity(pipeline, downgrade("FRA", "NER", "2024-02-02", "a3")))
                        .as("the last good rules keep running").isEqualTo(Severity.CRITICAL);
                assertThat(inbox.notices).isNotEmpty();
                AdminNotice notice = inbox.notices.get(inbox.notices.size() - 1);
                assertThat(notice.severity()).as("a change the admin made is not running: a warning").isEqualTo("WARNING");
                assertThat(notice.title()).contains("the last good rules keep running");
                assertThat(notice.details()).anySatisfy(d -> assertThat(d).startsWith(file + ":"));
            }
        }
    }
}
