package io.watchfloor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two nodes on one store judge new articles against the same history: the second sees what the first recorded. */
class SharedStoreTest {
    @Test
    void aNodeCatchesUpWithArticlesAnotherNodeProcessed() {
        WatchfloorConfig cfg = WatchfloorConfig.defaults();
        List<FileArticle> seeds = new FolderSource(List.of(Path.of("seeds")), ZoneOffset.UTC).scan().articles();
        try (Database db = Database.inMemory("shared-" + UUID.randomUUID())) {
            var rules = Pipelines.compileRules(cfg);
            ArticlePipeline nodeA = Pipelines.create(cfg, db, rules, List.of());
            ArticlePipeline nodeB = Pipelines.create(cfg, db, rules, List.of());
            nodeA.restoreHistory(45);
            nodeB.restoreHistory(45);
            nodeA.process(seeds.get(0).article(), seeds.get(0).sha256());
            assertThat(nodeB.catchUp()).as("signals learned from node A").isPositive();
            assertThat(nodeB.catchUp()).as("nothing new the second time").isZero();
            var outcome = nodeB.process(seeds.get(1).article(), seeds.get(1).sha256());
            assertThat(outcome.news()).anySatisfy(c -> {
                assertThat(c.alert().rule()).isEqualTo("tit-for-tat");
                assertThat(c.alert().sources()).isEqualTo(2);
            });
            List<Alert> tft = new AlertStore(db).all().stream().filter(a -> a.rule().equals("tit-for-tat")).toList();
            assertThat(tft).as("one alert for the situation, not one per node").hasSize(1);
        }
    }
}
