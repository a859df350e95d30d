package io.watchfloor.bench;

import io.watchfloor.ingest.FileArticle;
import io.watchfloor.model.Signal;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.rules.RuleSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Rule evaluation alone: {@code RuleEngine.evaluate} with the pre-extracted signals of one generated article per
 * operation, in publication order, on the shipped rules and the configured freshness and retention. When the stream
 * wraps, a new engine (a fresh stream session) starts again from the first article, outside the measured time, so
 * the window always holds what a live run would hold at that point of the stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RulesBench {
    private CompiledRules rules;
    private RuleSettings settings;
    private List<Signal>[] signals;
    private LocalDate[] published;
    private RuleEngine engine;
    private int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setup() {
        rules = Inputs.rules();
        settings = Inputs.settings();
        List<FileArticle> stream = Inputs.byPublication(Inputs.read(Inputs.GENERATED));
        List<List<Signal>> extracted = Inputs.extractAll(Inputs.extractor(), stream);
        signals = extracted.toArray(new List[0]);
        published = stream.stream().map(f -> f.article().published()).toArray(LocalDate[]::new);

        // One pass to describe the stream (and to warm the rules up a little).
        long window = 0;
        int maxWindow = 0;
        long drafts = 0;
        try (RuleEngine e = new RuleEngine(rules, settings)) {
            for (int k = 0; k < signals.length; k++) {
                drafts += e.evaluate(signals[k], published[k]).size();
                window += e.windowSize();
                maxWindow = Math.max(maxWindow, e.windowSize());
            }
        }
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", signals.length);
        stats.put("signals", Inputs.count(extracted));
        stats.put("articlesWithSignals", extracted.stream().filter(s -> !s.isEmpty()).count());
        stats.put("days", published[published.length - 1].toEpochDay() - published[0].toEpochDay() + 1);
        stats.put("rules", rules.ruleNames().size());
        stats.put("retentionDays", settings.retentionDays());
        stats.put("meanWindow", window / signals.length);
        stats.put("maxWindow", maxWindow);
        stats.put("alertDrafts", drafts);
        Inputs.writeStats("rules-" + Inputs.GENERATED, stats);

        engine = new RuleEngine(rules, settings);
        next = 0;
    }

    @Setup(Level.Invocation)
    public void wrap() {
        if (next == signals.length) {
            engine.close();
            engine = new RuleEngine(rules, settings);
            next = 0;
        }
    }

    @Benchmark
    public List<AlertDraft> evaluate() {
        int k = next++;
        return engine.evaluate(signals[k], published[k]);
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }
}
