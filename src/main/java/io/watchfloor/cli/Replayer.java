package io.watchfloor.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.extract.parse.ParseStats;
import io.watchfloor.extract.parse.SentenceParser;
import io.watchfloor.ingest.ContentHash;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.ingest.FolderSource.DatedFile;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.notify.AlertLineWriter;
import io.watchfloor.notify.JsonLines;
import io.watchfloor.pipeline.ArticleOutcome;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.InOrder;
import io.watchfloor.pipeline.PairLanes;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryManagerMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay: articles in publication order (then id) through a fresh pipeline (extraction, rules, alert decisions)
 * on a private scratch store in the system's temporary folder, deleted when the replay closes or the JVM stops.
 * Sends nothing. What {@code replay} prints and what {@code evaluate} scores come from here, so both see the same
 * signals and alerts.
 */
final class Replayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final int PROGRESS_EVERY = 100_000;
    private static final int AHEAD = 256;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * One article's signals and what they did to alerts, with the time its extraction took, its signals as JSON lines
     * (written on the reading threads) and its news as JSON lines (written where its alerts were decided): the
     * ordered stage only passes them on.
     */
    record Replayed(ArticleOutcome outcome, long extractNanos, List<String> signalLines, List<String> alertLines) { }

    private final WatchfloorConfig cfg;
    private final Supplier<CompiledRules> rules;
    private final Path scratch;
    private final Thread cleanup;
    private final int lanes;

    /**
     * @param rules asked for once the articles are dated (they may compile meanwhile on another thread)
     */
    Replayer(WatchfloorConfig cfg, Supplier<CompiledRules> rules) {
        this(cfg, rules, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param lanes threads the rules and alert decisions are spread over by pair of countries, when the rules join
     *              within one pair; 1: one session for every pair, on the ordered thread
     */
    Replayer(WatchfloorConfig cfg, Supplier<CompiledRules> rules, int lanes) {
        this.cfg = cfg;
        this.rules = rules;
        this.lanes = Math.max(1, lanes);
        this.scratch = scratchFolder();
        // Interrupted (Ctrl-C, SIGTERM), the replay still leaves no scratch store behind.
        this.cleanup = new Thread(() -> deleteQuietly(scratch), "replay-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The rules of the configuration, compiled on another thread while the caller goes on. */
    static Supplier<CompiledRules> compileInBackground(WatchfloorConfig cfg) {
        // Read-only: a replay never writes into the data folder, so it keeps no compiled rules there.
        CompletableFuture<CompiledRules> f = CompletableFuture.supplyAsync(
                () -> Pipelines.compileRules(cfg, new RuleCompiler()));
        return () -> {
            try {
                return f.join();
            } catch (CompletionException e) {
                // The compiler's own error (a rule error is a config error).
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        };
    }

    /**
     * Article folders or files: each article's publication date is noted first (on every core, from its date lines
     * where they are enough, sorted a run at a time, so folders of any size replay in bounded memory), then the
     * articles are read and replayed in that order while the other cores read and extract the next ones.
     */
    void replayFiles(List<Path> inputs, Consumer<Replayed> then) {
        long started = System.nanoTime();
        try (Database db = open()) {
            ReplayOrder order = new ReplayOrder(scratch);
            FolderSource source = new FolderSource(inputs, ZoneId.systemDefault());
            try (InOrder all = new InOrder(Runtime.getRuntime().availableProcessors(), AHEAD)) {
                InOrder.Feed<Path, Optional<DatedFile>> dating =
                        all.feed(f -> source.date(f, new ArrayList<>()), r -> r.ifPresent(order::add));
                source.visit(dating, new ArrayList<>());
                dating.finish();
            }
            LOG.info("dated {} articles in {} ms; replaying them in publication order", order.size(),
                    (System.nanoTime() - started) / 1_000_000);
            // A file read whole to date it has given its warnings; one dated from its date lines gives them now.
            FolderSource quiet = source.quiet();
            try (ReplayOrder.Cursor cursor = order.inPublicationOrder()) {
                replay(db, cursor, e -> (e.read() ? quiet : source).read(e.path(), new ArrayList<>())
                        .map(f -> new Readable(f.article(), f.sha256())), then);
            }
        }
    }

    /** Articles already in memory (converted records, not files): replayed in publication order, then id. */
    void replayArticles(List<Article> articles, Consumer<Replayed> then) {
        List<Article> ordered = new ArrayList<>(articles);
        ordered.sort(Comparator.comparing(Article::published).thenComparing(Article::id));
        try (Database db = open()) {
            replay(db, ordered.iterator(), a -> Optional.of(new Readable(a, ContentHash.of(a))), then);
        }
    }

    private record Readable(Article article, String sha256) { }

    private record Extracted(Readable in, List<Signal> signals, long nanos, List<String> lines) { }

    private <I> void replay(Database db, Iterator<I> inOrder, Function<I, Optional<Readable>> read,
                            Consumer<Replayed> then) {
        CompiledRules compiled = rules.get();
        SignalExtractor extractor = Pipelines.extractor(cfg);
        ArticlePipeline pipeline = Pipelines.replay(cfg, db, compiled, extractor);
        SentenceParser parser = Pipelines.parser(cfg);
        ParseStats parsedBefore = parser.stats();
        long started = System.nanoTime();
        LongAdder extracting = new LongAdder();
        LongAdder rendering = new LongAdder();
        // One per thread that decides alerts: each remembers the reports it wrote last.
        ThreadLocal<AlertLineWriter> lineWriters = ThreadLocal.withInitial(AlertLineWriter::new);
        long[] done = {0};
        int threads = Runtime.getRuntime().availableProcessors();
        PairLanes lanes = null;
        if (this.lanes > 1 && compiled.pairLocal()) {
            lanes = Pipelines.replayLanes(cfg, db, compiled, extractor, this.lanes);
        } else if (this.lanes > 1) {
            LOG.info("the rules are evaluated in one session: {}", compiled.crossPair());
        }
        Ordered decide = lanes == null
                ? (x, out) -> out.accept(CompletableFuture.completedFuture(
                        pipeline.process(x.in().article(), x.in().sha256(), x.signals())))
                : laneStage(lanes);
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        Consumer<Pending> emit = p -> {
            Decided d = p.outcome().join();
            then.accept(new Replayed(d.outcome(), p.x().nanos(), p.x().lines(), d.alertLines()));
            if (++done[0] % PROGRESS_EVERY == 0) {
                LOG.info("replayed {} articles; heap in use after the last collection: {} MB", done[0],
                        heapAfterLastCollection() >> 20);
            }
        };
        // Reading and extracting (the parse above all) on every core; the ordered stage mostly waits for them. Its
        // CPU is this thread's over the whole run: asking the kernel per article cost more than the stage itself.
        long orderedCpu0 = CPU.getCurrentThreadCpuTime();
        try (InOrder workers = new InOrder(threads, AHEAD)) {
            workers.run(inOrder, item -> read.apply(item).map(r -> {
                long t0 = System.nanoTime();
                long cpu0 = CPU.getCurrentThreadCpuTime();
                List<Signal> signals = extractor.extract(r.article());
                List<String> lines = signals.stream().map(JsonLines::signal).toList();
                extracting.add(CPU.getCurrentThreadCpuTime() - cpu0);
                return new Extracted(r, signals, System.nanoTime() - t0, lines);
            }), e -> e.ifPresent(x -> {
                // The news as JSON on the thread that decided it last (a lane), not on this one.
                decide.accept(x, f -> pending.add(new Pending(x,
                        f.thenApply(o -> Decided.of(o, lineWriters.get(), rendering)))));
                // Outcomes leave in publication order; lanes may run ahead by a bounded number of articles.
                while (!pending.isEmpty() && (pending.peek().outcome().isDone() || pending.size() > AHEAD)) {
                    emit.accept(pending.poll());
                }
            }));
            while (!pending.isEmpty()) {
                emit.accept(pending.poll());
            }
        } finally {
            if (lanes != null) {
                lanes.close();
            }
        }
        long orderedCpu = CPU.getCurrentThreadCpuTime() - orderedCpu0;
        pipeline.flush();
        LOG.info("replayed {} articles in {} ms; CPU time: extraction {} ms (on {} threads), the ordered stage {} ms"
                        + " ({}); parser: {}; garbage collector: {}; JIT inlining: {}; transparent huge pages: {}",
                done[0],
                (System.nanoTime() - started) / 1_000_000,
                extracting.sum() / 1_000_000, threads, orderedCpu / 1_000_000,
                lanes == null ? "rules, alerts and their JSON (" + rendering.sum() / 1_000_000 + " ms) on this thread"
                        : "output on this thread; on " + lanes.size() + " lanes by pair: the rules "
                                + lanes.ruleCpuNanos() / 1_000_000 + " ms on their sessions' threads, alerts "
                                + lanes.cpuNanos() / 1_000_000 + " ms and their JSON " + rendering.sum() / 1_000_000
                                + " ms on the lanes' threads; " + lanes.bookCounts(),
                parser.stats().since(parsedBefore), collector(), inlining(), hugePages());
    }

    /**
     * The JIT's inlining limits, which the launchers lower for batch commands (a compiler that inlines less compiles
     * faster, and a replay spends much of its CPU compiling): for benchmarks.
     */
    private static String inlining() {
        Optional<String> freq = vmOption("FreqInlineSize");
        Optional<String> small = vmOption("InlineSmallCode");
        // Either missing: a JVM without the optimising compiler
        return freq.isPresent() && small.isPresent()
                ? "FreqInlineSize=" + freq.get() + ", InlineSmallCode=" + small.get() : "unknown";
    }

    /** Whether the heap is asked for in transparent huge pages (the launchers ask, for batch commands). */
    private static String hugePages() {
        // Missing on a JVM that is not Linux's
        return vmOption("UseTransparentHugePages").map(v -> v.equals("true") ? "on" : "off").orElse("unknown");
    }

    /** A HotSpot option's value, or empty when this JVM has no such option (or is not HotSpot). */
    private static Optional<String> vmOption(String name) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(vm.getVMOption(name).getValue());
        } catch (IllegalArgumentException noSuchOption) {
            return Optional.empty();
        }
    }

    /** The JVM's collector, named from its young generation's ("PS Scavenge", "Copy", "G1 ..."): for benchmarks. */
    private static String collector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().findFirst().map(MemoryManagerMXBean::getName)
                .map(n -> n.startsWith("PS ") ? "parallel" : n.equals("Copy") ? "serial" : n.split(" ")[0])
                .orElse("unknown");
    }

    /** The ordered stage: takes each extracted article in publication order, hands on its outcome to come. */
    private interface Ordered {
        void accept(Extracted x, Consumer<CompletableFuture<ArticleOutcome>> out);
    }

    /** What the rules and alerts made of an article, with its news as JSON lines. */
    private record Decided(ArticleOutcome outcome, List<String> alertLines) {
        static Decided of(ArticleOutcome o, AlertLineWriter writer, LongAdder cpu) {
            if (o.news().isEmpty()) {
                return new Decided(o, List.of());
            }
            long cpu0 = CPU.getCurrentThreadCpuTime();
            List<String> lines = o.news().stream().map(c -> writer.line(c.alert())).toList();
            cpu.add(CPU.getCurrentThreadCpuTime() - cpu0);
            return new Decided(o, lines);
        }
    }

    private record Pending(Extracted x, CompletableFuture<Decided> outcome) { }

    private static Ordered laneStage(PairLanes lanes) {
        return (x, out) -> out.accept(lanes.process(x.in().article(), x.signals()));
    }

    /** On disk, not in memory: a replay of a million articles must not hold them all. */
    private Database open() {
        return Database.scratch("jdbc:h2:file:" + scratch.resolve("replay").toAbsolutePath());
    }

    @Override
    public void close() {
        deleteQuietly(scratch);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway; the folder is gone already
        }
    }

    /** What the heap held after the last garbage collection: the live data, not the garbage since. */
    private static long heapAfterLastCollection() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = p.getCollectionUsage();
            if (p.getType() == MemoryType.HEAP && u != null) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    private static Path scratchFolder() {
        try {
            return Files.createTempDirectory("watchfloor-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the replay store", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete the replay scratch folder {}: {}", folder, e.getMessage());
        }
    }
}
