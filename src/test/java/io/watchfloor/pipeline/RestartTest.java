package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.store.Database;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart between two articles gives the same alerts as one run: history comes back from the store. */
class RestartTest {
    @TempDir
    Path dir;

    private static List<FileArticle> seeds() {
        return new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
    }

    private static List<String> news(List<ArticleOutcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (ArticleOutcome o : outcomes) {
            for (AlertChange c : o.news()) {
                out.add(c.kind() + " " + c.alert().id() + " " + c.alert().rule() + " " + c.alert().severity() + " "
                        + c.alert().sources());
            }
        }
        return out;
    }

    @Test
    void sameAlertsInOneRunAndAcrossARestart() {
        WatchfloorConfig cfg = WatchfloorConfig.defaults();
        List<FileArticle> seeds = seeds();
        assertThat(seeds).hasSize(2);

        List<ArticleOutcome> oneRun = new ArrayList<>();
        try (Database db = Database.inMemory("one-run-" + System.nanoTime())) {
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
            for (FileArticle f : seeds) {
                oneRun.add(p.process(f.article(), f.sha256()));
            }
        }

        String url = "jdbc:h2:file:" + dir.resolve("store");
        List<ArticleOutcome> split = new ArrayList<>();
        try (Database db = Database.open(url, "sa", "")) {
            split.add(Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of()).process(seeds.get(0).article(), seeds.get(0).sha256()));
        }
        try (Database db = Database.open(url, "sa", "")) {
            ArticlePipeline p = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
            assertThat(p.restoreHistory(cfg.rules().retentionDays())).isPositive();
            split.add(p.process(seeds.get(1).article(), seeds.get(1).sha256()));
        }
        assertThat(news(split)).isNotEmpty().isEqualTo(news(oneRun));
    }
}
