package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import java.io.IOException;
import java.nio.file.Files;
import io.watchfloor.ingest.ContentHash;
import io.watchfloor.model.Alert;
import io.watchfloor.pipeline.ArticleOutcome;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's ordered stage spread over lanes by pair gives the alerts of one session: for every article the same
 * alert changes (id, kind, severity, sources, reports shown), and at the end the same alerts; and the replay, which
 * decides alerts in memory, gives the alerts the daemon decides through its store. On an event-dense
 * corpus (80 digests of 10-14 crises each among 24 pairs, 8 a day: `bench/gen_articles.py --digest 80 DIR 7 8`) and
 * on the hand-written corpus with the seeds (real stories: tit-for-tats, spirals, de-escalation).
 */
class PairLanesReplayTest {
    private static WatchfloorConfig cfg;
    private static CompiledRules rules;

    /** Without the dependency parse: the rules and alert decisions are under test, and the parse would be slow. */
    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("watchfloor.yaml");
        Files.writeString(file, "extract:\n  parser: none\n");
        cfg = new ConfigLoader().read(file);
        rules = Pipelines.compileRules(cfg);
    }

    @Test
    void theShippedRulesJoinWithinOnePair() {
        assertThat(rules.pairLocal()).as(rules.crossPair()).isTrue();
    }

    @Test
    void lanesGiveTheAlertsOfOneSessionOnADenseCorpus() {
        compare(List.of(Path.of("src/test/resources/dense")), 1_000);
    }

    @Test
    void lanesGiveTheAlertsOfOneSessionOnTheCorpusAndSeeds() {
        compare(List.of(Path.of("seeds"), Path.of("src/test/resources/corpus")), 50);
    }

    @Test
    void theReplaysAlertsInMemoryAreTheAlertsTheDaemonDecidesThroughItsStore() {
        List<Path> dense = List.of(Path.of("src/test/resources/dense"));
        List<ArticleOutcome> replayed = new ArrayList<>();
        try (Replayer r = new Replayer(cfg, () -> rules, 2)) {
            r.replayFiles(dense, x -> replayed.add(x.outcome()));
        }
        // The same articles with the same signals, in the same order, through the daemon's pipeline and store.
        try (Database db = Database.inMemory("daemon-" + UUID.randomUUID())) {
            ArticlePipeline daemon = Pipelines.create(cfg, db, () -> rules, List.of(), ArticlePipeline.Observer.NONE);
            int changes = 0;
            for (ArticleOutcome o : replayed) {
                ArticleOutcome stored = daemon.process(o.article(), ContentHash.of(o.article()), o.signals());
                assertThat(described(stored.changes())).as(o.article().id()).isEqualTo(described(o.changes()));
                changes += o.changes().size();
            }
            assertThat(changes).isGreaterThan(1_000);
            Map<String, String> stored = new TreeMap<>();
            new AlertStore(db).all().forEach(a -> stored.put(a.id(), describe(a)));
            assertThat(stored).isEqualTo(replay(dense, 2).last());
        }
    }

    private static Set<String> described(List<AlertChange> changes) {
        Set<String> out = new TreeSet<>();
        changes.forEach(c -> out.add(c.kind() + " " + describe(c.alert()) + " " + c.alert().evidence()));
        return out;
    }

    private static void compare(List<Path> inputs, int atLeast) {
        Replay single = replay(inputs, 1);
        Replay three = replay(inputs, 3);
        assertThat(single.changes().values().stream().mapToInt(Set::size).sum()).isGreaterThan(atLeast);
        assertThat(three.articles()).isEqualTo(single.articles());
        assertThat(three.changes()).isEqualTo(single.changes());
        assertThat(three.last()).isEqualTo(single.last());
    }

    /** Per article its alert changes as a set (their order across pairs may differ), and each alert as it ended. */
    private record Replay(List<String> articles, Map<String, Set<String>> changes, Map<String, String> last) { }

    private static Replay replay(List<Path> inputs, int lanes) {
        List<String> articles = new ArrayList<>();
        Map<String, Set<String>> changes = new TreeMap<>();
        Map<String, String> last = new TreeMap<>();
        try (Replayer r = new Replayer(cfg, () -> rules, lanes)) {
            r.replayFiles(inputs, x -> {
                String id = x.outcome().article().id();
                articles.add(id + " " + x.outcome().signals().size());
                Set<String> mine = changes.computeIfAbsent(id, k -> new TreeSet<>());
                for (AlertChange c : x.outcome().changes()) {
                    mine.add(c.kind() + " " + describe(c.alert()));
                    last.put(c.alert().id(), describe(c.alert()));
                }
            });
        }
        return new Replay(articles, changes, last);
    }

    private static String describe(Alert a) {
        return a.id() + " " + a.rule() + " " + a.type() + " " + a.severity() + " " + a.actors() + " " + a.eventDate()
                + " sources=" + a.sources() + " " + a.articles();
    }
}
