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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        List<FileArticle> articles = read();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.inMemory("replay-" + UUID.randomUUID())) {
            ArticlePipeline pipeline = Pipelines.create(cfg, db, Pipelines.compileRules(cfg), List.of());
            for (FileArticle f : articles) {
                ArticleOutcome o = pipeline.process(f.article(), f.sha256());
                print(out, o);
            }
        }
        out.flush();
        return Main.OK;
    }

    private List<FileArticle> read() {
        Map<String, FileArticle> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                FolderSource.ScanResult r = new FolderSource(List.of(in), java.time.ZoneId.systemDefault()).scan();
                warnings.addAll(r.warnings());
                r.articles().forEach(a -> byId.putIfAbsent(a.article().id(), a));
            } else if (Files.isRegularFile(in)) {
                new FolderSource(List.of(), java.time.ZoneId.systemDefault()).read(in, warnings)
                        .ifPresent(a -> byId.putIfAbsent(a.article().id(), a));
            } else {
                throw new UsageException(in + ": no such file or folder");
            }
        }
        warnings.forEach(w -> LOG.warn("{}", w));
        return byId.values().stream()
                .sorted(Comparator.comparing((FileArticle f) -> f.article().published())
                        .thenComparing(f -> f.article().id()))
                .toList();
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
