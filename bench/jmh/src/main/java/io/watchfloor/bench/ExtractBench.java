package io.watchfloor.bench;

import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction alone: the signals of one parsed article per operation, cycling through the input set, with the
 * extractor {@code Pipelines} builds (default actor catalog, rules/lexicon/events.yaml), and with the catalogue's
 * countries alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ExtractBench {
    @Param({Inputs.CORPUS, Inputs.GENERATED})
    public String input;

    /** The catalogue's size should not change the time per article (one automaton): the whole one against less. */
    @Param({Inputs.FULL_CATALOGUE, Inputs.COUNTRIES_ONLY})
    public String catalogue;

    private SignalExtractor extractor;
    private Article[] articles;
    private int next;

    @Setup
    public void setup() {
        extractor = Inputs.extractor(catalogue);
        List<FileArticle> read = Inputs.read(input);
        articles = read.stream().map(FileArticle::article).toArray(Article[]::new);
        List<List<Signal>> signals = Inputs.extractAll(extractor, read);
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", articles.length);
        stats.put("bytes", Inputs.bytes(Inputs.files(input)));
        stats.put("signals", Inputs.count(signals));
        stats.put("articlesWithSignals", signals.stream().filter(s -> !s.isEmpty()).count());
        Inputs.writeStats("extract-" + input + (catalogue.equals(Inputs.FULL_CATALOGUE) ? "" : "-" + catalogue), stats);
    }

    @Benchmark
    public List<Signal> extract() {
        int k = next;
        next = k + 1 == articles.length ? 0 : k + 1;
        return extractor.extract(articles[k]);
    }
}
