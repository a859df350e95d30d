package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same store on a real PostgreSQL server (embedded binaries, loopback): schema, alerts, outbox, history. */
class PostgresStoreTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void seedsOnPostgresGiveTheSameAlertsQueueMailAndSurviveARestart(@TempDir Path dir) throws Exception {
        String url = pg.getJdbcUrl("postgres", "postgres");
        EmailConfig email = new EmailConfig(null, null, "config/templates", null, null, null, null, null, null,
                "duty@example.org", null, null);
        WatchfloorConfig cfg = new WatchfloorConfig(dir.resolve("var").toString(), null, null, null, null, null,
                new WatchfloorConfig.Database(url, "postgres", null), null, email, null, null);
        List<FileArticle> seeds = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
        try (Database db = Database.open(cfg.databaseUrl(), "postgres", "")) {
            Pipelines.Email mail = Pipelines.email(cfg, db, Clock.systemUTC());
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of(mail.notifier()));
            p.process(seeds.get(0).article(), seeds.get(0).sha256());
            assertThat(mail.delivery().deliverDueBy(Instant.now().plusSeconds(60))).isEqualTo(1);
        }
        try (Database db = Database.open(cfg.databaseUrl(), "postgres", "")) {
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
            assertThat(p.restoreHistory(45)).isPositive();
            p.process(seeds.get(1).article(), seeds.get(1).sha256());
            Alert tft = new AlertStore(db).all().stream().filter(a -> a.rule().equals("tit-for-tat")).findFirst()
                    .orElseThrow();
            assertThat(tft.sources()).isEqualTo(2);
            assertThat(tft.actors()).containsExactly("IRN", "PAK");
            assertThat(new OutboxStore(db).countSent()).isEqualTo(1);
        }
        try (Stream<Path> eml = Files.list(dir.resolve("var/outbox"))) {
            assertThat(eml.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
        }
    }

    @Test
    void anAlertQueuedWhileItsGroupsMessageIsBeingClaimedStartsTheNextMessage() throws Exception {
        try (Database db = Database.open(fresh(), "postgres", "")) {
            OutboxStoreTest.queuedDuringAClaimStartsTheNextMessage(db);
        }
    }

    @Test
    void aRestartedNodeReleasesItsOwnClaimsAtOnceAndNoOtherNodes() throws Exception {
        try (Database db = Database.open(fresh(), "postgres", "")) {
            OutboxStoreTest.restartReleasesOnlyOwnClaims(db);
        }
    }

    /** A database of its own on the shared server. */
    private static String fresh() throws Exception {
        String name = "t" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
