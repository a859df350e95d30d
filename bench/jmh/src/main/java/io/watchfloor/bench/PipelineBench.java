package io.watchfloor.bench;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.pipeline.ArticleOutcome;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.Database;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages together, for comparison with the sum of the others: {@code ArticlePipeline.process} (extract, save,
 * rules, alert decisions in the store; no notifiers) for every parsed generated article in publication order, built
 * as replay builds it (Pipelines.create, in-memory H2). One operation is the whole stream into a new pipeline and
 * database (single shot, as the cost of an article depends on what came before it); the summary divides by the
 * number of articles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PipelineBench {
    private WatchfloorConfig cfg;
    private CompiledRules rules;
    private List<FileArticle> stream;
    private Database db;
    private ArticlePipeline pipeline;

    @Setup(Level.Trial)
    public void setup() {
        cfg = Inputs.config();
        rules = Inputs.rules();
        stream = Inputs.byPublication(Inputs.read(Inputs.GENERATED));
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", stream.size());
        Inputs.writeStats("pipeline-" + Inputs.GENERATED, stats);
    }

    private void restart() {
        if (db != null) {
            db.close();
        }
        db = Database.inMemory("bench-" + UUID.randomUUID());
        pipeline = Pipelines.create(cfg, db, rules, List.of());
    }

    @Setup(Level.Iteration)
    public void fresh() {
        restart();
    }

    @Benchmark
    public long stream() {
        long changes = 0;
        for (FileArticle f : stream) {
            ArticleOutcome o = pipeline.process(f.article(), f.sha256());
            changes += o.news().size();
        }
        return changes;
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
