package io.watchfloor.cli;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Signal;
import io.watchfloor.notify.JsonLines;
import io.watchfloor.notify.LogNotifier;
import io.watchfloor.pipeline.ArticleOutcome;
import io.watchfloor.pipeline.ArticlePipeline;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.store.Database;
import io.watchfloor.extract.Extractor;
import io.watchfloor.pipeline.InOrder;
import io.watchfloor.rules.CompiledRules;
import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor replay}: evaluates articles in publication order against a private, empty store and prints
 * signals and alerts. Sends nothing and leaves the daemon's data alone.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Evaluate articles in publication order; print signals and alerts; send nothing.")
final class ReplayCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCommand.class);

    enum Format { text, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Article folders or files.")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (rules folder and rule settings).")
    Path config;

    @Override
    public Integer call() {
        WatchfloorConfig cfg = new ConfigLoader().load(config);
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new UsageException(in + ": no such file or folder");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = scratchFolder();
        // Interrupted (Ctrl-C, SIGTERM), the replay still leaves no scratch store behind.
        Thread cleanup = new Thread(() -> deleteQuietly(scratch), "replay-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        // On disk, not in memory: a replay of a million articles must not hold them all. Deleted afterwards.
        long started = System.nanoTime();
        // The rules compile while the first pass reads.
        CompletableFuture<CompiledRules> rules = CompletableFuture.supplyAsync(() -> Pipelines.compileRules(cfg));
        try (Database db = Database.scratch("jdbc:h2:file:" + scratch.resolve("replay").toAbsolutePath());
             InOrder workers = new InOrder(InOrder.defaultThreads(), 256)) {
            ReplayOrder order = new ReplayOrder(db);
            FolderSource source = new FolderSource(inputs, ZoneId.systemDefault());
            // First pass: each article's publication date, read on all cores, into an index on disk.
            try (InOrder all = new InOrder(Runtime.getRuntime().availableProcessors(), 256)) {
                InOrder.Feed<Path, Optional<FileArticle>> dating =
                        all.feed(f -> source.read(f, new ArrayList<>()), r -> r.ifPresent(order::add));
                source.visit(dating, new ArrayList<>());
                dating.finish();
            }
            order.flush();
            LOG.info("dated {} articles in {} ms; replaying them in publication order", order.size(),
                    (System.nanoTime() - started) / 1_000_000);
            ArticlePipeline pipeline = Pipelines.create(cfg, db, compiled(rules), List.of());
            // Second pass, in publication order: read and extract ahead on the other cores, evaluate in order.
            FolderSource again = source.quiet();
            Extractor extractor = pipeline.extractor();
            try (ReplayOrder.Cursor cursor = order.inPublicationOrder()) {
                long[] done = {0};
                workers.run(cursor, path -> again.read(path, new ArrayList<>())
                                .map(f -> new Extracted(f, extractor.extract(f.article()))),
                        e -> e.ifPresent(x -> {
                            print(out, pipeline.process(x.file().article(), x.file().sha256(), x.signals()));
                            if (++done[0] % PROGRESS_EVERY == 0) {
                                LOG.info("replayed {} articles; heap in use after the last collection: {} MB",
                                        done[0], heapAfterLastCollection() >> 20);
                            }
                        }));
            }
        } finally {
            out.flush();
            deleteQuietly(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; the folder is gone already
            }
        }
        return Main.OK;
    }

    private record Extracted(FileArticle file, List<Signal> signals) { }

    /** The compiled rules, or the compiler's own error (a rule error is a config error). */
    private static CompiledRules compiled(CompletableFuture<CompiledRules> rules) {
        try {
            return rules.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static final int PROGRESS_EVERY = 100_000;

    /** What the heap held after the last garbage collection: the live data, not the garbage since. */
    private static long heapAfterLastCollection() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            java.lang.management.MemoryUsage u = p.getCollectionUsage();
            if (p.getType() == java.lang.management.MemoryType.HEAP && u != null) {
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
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete the replay scratch folder {}: {}", folder, e.getMessage());
        }
    }

    private void print(PrintWriter out, ArticleOutcome o) {
        if (format == Format.jsonl) {
            o.signals().forEach(s -> out.println(JsonLines.signal(s)));
            o.news().forEach(c -> out.println(JsonLines.alert(c.alert())));
            return;
        }
        out.printf("== %s (%s) %s%n", o.article().id(), o.article().published(), o.article().title());
        for (Signal s : o.signals()) {
            out.printf("   signal %-20s %-8s %s%s  %.2f  \"%s\"%n", s.type(),
                    (s.actor() == null ? "?" : s.actor()) + (s.type().directed() ? ">" : "-") + s.target(),
                    s.eventDate(), s.planned() ? " planned" : "", s.confidence(), s.evidence());
        }
        for (AlertChange c : o.news()) {
            Alert a = c.alert();
            out.println("   ALERT  " + LogNotifier.line(c));
            out.println("          " + a.summary() + " Articles: " + String.join(", ", a.articles()));
        }
    }
}
