package io.watchfloor.bench;

import io.watchfloor.alert.AlertAssembler;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.AlertCorrelator;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.model.Signal;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.AlertDraft;
import io.watchfloor.rules.RuleEngine;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.util.ArrayList;
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
 * Alert decisions alone: the alert drafts the rules raised for the generated articles (computed once, in the setup,
 * in publication order), assembled into alerts and correlated with the alerts on record (look-up, merge of evidence,
 * save) in an in-memory H2 store. One operation is the whole stream into a fresh database (single shot): the cost
 * of an article depends on the alerts on record before it, so only a whole stream gives a stable figure (2-second
 * iterations would each see another part of it); the summary divides by the number of articles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AlertsBench {
    private List<List<AlertDraft>> drafts;
    private AlertAssembler assembler;
    private int corroborationDays;
    private Database db;
    private AlertCorrelator correlator;

    @Setup(Level.Trial)
    public void setup() {
        SignalExtractor extractor = Inputs.extractor();
        assembler = new AlertAssembler(Pipelines.names(extractor.catalog()), Inputs.settings().freshnessDays());
        corroborationDays = Inputs.config().rules().corroborationDays();
        List<FileArticle> stream = Inputs.byPublication(Inputs.read(Inputs.GENERATED));
        List<List<Signal>> signals = Inputs.extractAll(extractor, stream);
        drafts = new ArrayList<>(stream.size());
        try (RuleEngine engine = new RuleEngine(Inputs.rules(), Inputs.settings(),
                Pipelines.answers(extractor.catalog()))) {
            for (int k = 0; k < stream.size(); k++) {
                drafts.add(List.copyOf(engine.evaluate(signals.get(k), stream.get(k).article().published())));
            }
        }
        // One pass to describe the stream.
        restart();
        long changes = 0;
        for (List<AlertDraft> d : drafts) {
            changes += decide(d).size();
        }
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", drafts.size());
        stats.put("alertDrafts", drafts.stream().mapToInt(List::size).sum());
        stats.put("articlesWithDrafts", drafts.stream().filter(d -> !d.isEmpty()).count());
        stats.put("alertsOnRecord", new AlertStore(db).count());
        stats.put("alertChanges", changes);
        Inputs.writeStats("alerts-" + Inputs.GENERATED, stats);
    }

    private void restart() {
        if (db != null) {
            db.close();
        }
        db = Database.inMemory("bench-" + UUID.randomUUID());
        correlator = new AlertCorrelator(new AlertStore(db), corroborationDays);
    }

    private List<AlertChange> decide(List<AlertDraft> ds) {
        List<AlertChange> out = new ArrayList<>(ds.size());
        for (AlertDraft d : ds) {
            out.add(correlator.apply(assembler.assemble(d)));
        }
        return out;
    }

    @Setup(Level.Iteration)
    public void fresh() {
        restart();
    }

    @Benchmark
    public long stream() {
        long changes = 0;
        for (List<AlertDraft> d : drafts) {
            changes += decide(d).size();
        }
        return changes;
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
