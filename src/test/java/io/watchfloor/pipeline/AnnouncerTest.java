package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.notify.JsonlFileNotifier;
import io.watchfloor.notify.Notifier;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertJournal;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.OutboxStore;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a start finishes: changes recorded but never announced, and alerts whose email an older version lost. */
class AnnouncerTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private WatchfloorConfig config() {
        EmailConfig email = new EmailConfig(new EmailConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "none", null,
                null, null, null, Duration.ofSeconds(5)), "watchfloor <watchfloor@example.org>", "config/templates",
                Duration.ZERO, Duration.ofHours(4), null, Duration.ofSeconds(30), Duration.ofHours(1), List.of(),
                "duty@example.org", null, List.of());
        return new WatchfloorConfig(dir.resolve("var").toString(), null, null, null, null, null, null, null, email,
                null, null);
    }

    private static FileArticle seed() {
        return new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles().get(0);
    }

    @Test
    void changesRecordedButNotWrittenToAlertsJsonlBeforeACrashAreWrittenAtTheNextStartOnce() throws Exception {
        WatchfloorConfig cfg = config();
        int news;
        String url = "jdbc:h2:file:" + dir.resolve("store");
        Path jsonl = dir.resolve("alerts.jsonl");
        Notifier dying = new Notifier() {
            @Override
            public void notify(AlertChange change) {
                throw new IllegalStateException("the process died before writing alerts.jsonl");
            }
        };
        try (Database db = Database.open(url, "sa", "")) {
            Pipelines.Email email = Pipelines.email(cfg, db, Clock.systemUTC());
            Announcer announcer = new Announcer(List.of(email.notifier(), dying), new AlertJournal(db),
                    new AlertStore(db), "node-a");
            FileArticle f = seed();
            CompiledRules rules = Pipelines.compileRules(cfg);
            ArticlePipeline p = Pipelines.create(cfg, db, () -> rules, announcer, ArticlePipeline.Observer.NONE);
            news = p.process(f.article(), f.sha256()).news().size();
            assertThat(news).as("the seed's new alerts").isGreaterThanOrEqualTo(5);
        }
        assertThat(jsonl).doesNotExist();

        for (int start = 0; start < 2; start++) {
            try (Database db = Database.open(url, "sa", "")) {
                Announcer announcer = new Announcer(List.of(new JsonlFileNotifier(jsonl)), new AlertJournal(db),
                        new AlertStore(db), "node-a");
                Announcer.Reconciled r = announcer.reconcile();
                assertThat(r.announced()).as("start %d", start).isEqualTo(start == 0 ? news : 0);
                assertThat(new Announcer(List.of(new JsonlFileNotifier(dir.resolve("other.jsonl"))),
                        new AlertJournal(db), new AlertStore(db), "node-b").reconcile().announced())
                        .as("another node announces only its own").isZero();
            }
        }
        assertThat(Files.readAllLines(jsonl)).hasSize(news)
                .allSatisfy(l -> assertThat(l).contains("\"kind\":\"alert\""));
    }

    @Test
    void anUpgradedStoreQueuesTheAlertsAnOlderVersionNeverQueued() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old");
        // The store as the last version left it after a crash between an alert and its email: one alert mailed,
        // one in no message.
        Flyway.configure().dataSource(url, "sa", "").target("4").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (String id : List.of("aaaa000000000001", "aaaa000000000002")) {
                st.execute("INSERT INTO alert (id, rule, category, type, severity, actors, event_date, title, summary,"
                        + " sources, created_at, updated_at, reports) VALUES ('" + id + "', 'strike-between-states',"
                        + " 'ESCALATION', 'STRIKE', 'CRITICAL', 'IRN,PAK', DATE '2024-01-16', 'Iranian strike " + id
                        + "', 'summary', 1, LOCALTIMESTAMP, LOCALTIMESTAMP, 0)");
            }
            st.execute("INSERT INTO alert_delivery (alert_id, recipient, severity, sources, sent_at) VALUES"
                    + " ('aaaa000000000001', 'duty@example.org', 'CRITICAL', 1, LOCALTIMESTAMP)");
        }
        WatchfloorConfig cfg = config();
        try (Database db = Database.open(url, "sa", "")) {
            Pipelines.Email email = Pipelines.email(cfg, db, Clock.systemUTC());
            Announcer announcer = new Announcer(List.of(email.notifier()), new AlertJournal(db), new AlertStore(db),
                    "node-a");
            assertThat(announcer.reconcile().queued()).isEqualTo(1);
            assertThat(announcer.reconcile().queued()).as("decided once").isZero();
            assertThat(email.delivery().deliverDueBy(Instant.now().plusSeconds(1))).isEqualTo(1);
            assertThat(new OutboxStore(db).countPending()).isZero();
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MimeUtility.unfold(MAIL.getReceivedMessages()[0].getHeader("X-Watchfloor-Alerts")[0]))
                .isEqualTo("aaaa000000000002");
    }
}
