package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.SourceStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds and the development corpus give the same alerts whether the articles arrive in one batch, one at a
 * time, or one at a time with a restart of the daemon between every two of them.
 */
class ArrivalOrderTest {
    private static final WatchfloorConfig CFG = WatchfloorConfig.defaults();
    private static CompiledRules rules;
    private static List<Path> files;

    @BeforeAll
    static void inputs() throws Exception {
        rules = Pipelines.compileRules(CFG);
        List<Path> all = new ArrayList<>();
        for (String dir : new String[] {"seeds", "src/test/resources/corpus"}) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                all.addAll(s.filter(p -> !p.getFileName().toString().startsWith("labels")).sorted().toList());
            }
        }
        // Arrival in publication order, as a live feed delivers them.
        List<FileArticle> articles = new FolderSource(List.of(Path.of("seeds"), Path.of("src/test/resources/corpus")),
                ZoneOffset.UTC).scan().articles();
        assertThat(articles).hasSizeGreaterThan(60);
        List<Path> txt = articles.stream().sorted(Comparator.comparing((FileArticle f) -> f.article().published())
                .thenComparing(f -> f.path().getFileName().toString())).map(FileArticle::path).toList();
        files = new ArrayList<>();
        for (Path t : txt) {
            // A sidecar arrives before its article, as an atomic delivery of both would look.
            all.stream().filter(p -> p.getFileName().toString().equals(t.getFileName() + ".meta.yaml"))
                    .forEach(files::add);
            files.add(t);
        }
    }

    /** What a watch officer sees of an alert (its evidence paths differ between runs, its counts must not). */
    private static List<String> alerts(Database db) {
        return new AlertStore(db).all().stream().map(ArrivalOrderTest::key).sorted().toList();
    }

    private static String key(Alert a) {
        // A spiral cites the first report of each move that the rules held when it was judged: after a restart the
        // rules hold only the recent articles again, so its reports (and their sources) may be others. Everything
        // else must not depend on the order of arrival.
        String counts = a.type().equals("SPIRAL") ? ""
                : " sources=" + a.sources() + " evidence=" + a.evidence().size();
        return a.id() + " " + a.rule() + " " + a.type() + " " + a.severity() + " " + a.actors() + " " + a.eventDate()
                + counts;
    }

    private static FolderPass pass(Path inbox, Database db, ArticlePipeline p) {
        return new FolderPass(List.of(inbox), ZoneOffset.UTC, p, new SourceStateStore(db), Clock.systemUTC());
    }

    private static void drop(Path file, Path inbox) throws Exception {
        Files.copy(file, inbox.resolve(file.getFileName()));
    }

    @Test
    void sameAlertsInOneBatchOneAtATimeAndAcrossRestarts(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        List<String> batch;
        for (Path f : files) {
            drop(f, inbox);
        }
        try (Database db = Database.inMemory("batch-" + UUID.randomUUID())) {
            pass(inbox, db, Pipelines.create(CFG, db, rules, List.of())).run();
            batch = alerts(db);
        }
        assertThat(batch).hasSizeGreaterThan(20);

        Path inbox2 = Files.createDirectory(dir.resolve("inbox2"));
        List<String> oneByOne;
        try (Database db = Database.inMemory("one-" + UUID.randomUUID())) {
            FolderPass pass = pass(inbox2, db, Pipelines.create(CFG, db, rules, List.of()));
            for (Path f : files) {
                drop(f, inbox2);
                if (!f.toString().endsWith(".txt")) {
                    continue;
                }
                pass.run();
            }
            oneByOne = alerts(db);
        }
        assertThat(oneByOne).isEqualTo(batch);

        Path inbox3 = Files.createDirectory(dir.resolve("inbox3"));
        String url = "jdbc:h2:file:" + dir.resolve("store");
        for (Path f : files) {
            drop(f, inbox3);
            if (!f.toString().endsWith(".txt")) {
                continue;
            }
            try (Database db = Database.open(url, "sa", "")) {
                ArticlePipeline p = Pipelines.create(CFG, db, rules, List.of());
                p.restoreHistory(CFG.rules().retentionDays());
                pass(inbox3, db, p).run();
            }
        }
        try (Database db = Database.open(url, "sa", "")) {
            assertThat(alerts(db)).isEqualTo(batch);
        }
    }
}
