package io.watchfloor.bench;

import io.watchfloor.ingest.FileArticle;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.store.ArticleStore;
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
 * The store alone: {@code ArticleStore.save} (the article row and its signals, one transaction) per operation into
 * an in-memory H2 database, as replay uses it. Every save is a new article id; each iteration gets a fresh database.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class StoreBench {
    private List<FileArticle> stream;
    private List<List<Signal>> signals;
    private Database db;
    private ArticleStore store;
    private int next;
    private long seq;

    @Setup(Level.Trial)
    public void setup() {
        stream = Inputs.byPublication(Inputs.read(Inputs.GENERATED));
        signals = Inputs.extractAll(Inputs.extractor(), stream);
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", stream.size());
        stats.put("signals", Inputs.count(signals));
        Inputs.writeStats("store-" + Inputs.GENERATED, stats);
    }

    @Setup(Level.Iteration)
    public void open() {
        db = Database.inMemory("bench-" + UUID.randomUUID());
        store = new ArticleStore(db);
    }

    @Benchmark
    public void save() {
        int k = next;
        next = k + 1 == stream.size() ? 0 : k + 1;
        FileArticle f = stream.get(k);
        Article a = f.article();
        Article fresh = new Article(a.id() + "#" + (seq++), a.title(), a.body(), a.published(), a.link(), a.source());
        store.save(fresh, f.sha256(), signals.get(k));
    }

    @TearDown(Level.Iteration)
    public void close() {
        db.close();
    }
}
