package io.watchfloor.cli;

import io.watchfloor.evaluate.ArticleLabels;
import io.watchfloor.evaluate.Evaluation;
import io.watchfloor.evaluate.LabelsLoader;
import io.watchfloor.evaluate.Report;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.ingest.FolderSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor evaluate DIR}: extracts the signals of the articles in DIR and scores them against the labels
 * (precision, recall and F1 per signal type and overall), then lists the misses, the false alarms and the trap
 * articles that gave escalation signals.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score signal extraction against labeled articles: precision, recall, F1, misses and false "
                + "alarms.")
final class EvaluateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of labeled articles.")
    Path dir;

    @Option(names = "--labels", paramLabel = "FILE", arity = "1..*",
            description = "Labels files (default: every labels*.yaml in DIR).")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder holding lexicon/ (default: ${DEFAULT-VALUE}).")
    Path rules = Path.of("rules");

    @Option(names = "--min-precision", paramLabel = "P", description = "Exit 1 if overall precision is below P.")
    Double minPrecision;

    @Option(names = "--min-recall", paramLabel = "R", description = "Exit 1 if overall recall is below R.")
    Double minRecall;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": no such folder");
        }
        checkThreshold("--min-precision", minPrecision);
        checkThreshold("--min-recall", minRecall);
        List<Path> files = labels.isEmpty() ? LabelsLoader.defaultFiles(dir) : labels;
        if (files.isEmpty()) {
            throw new UsageException(dir + ": no labels*.yaml files (give them with --labels FILE)");
        }
        List<ArticleLabels> all = new ArrayList<>();
        LabelsLoader loader = new LabelsLoader();
        SignalExtractor extractor;
        Report report;
        try {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException(f + ": no such labels file");
                }
                all.addAll(loader.load(f));
            }
            extractor = SignalExtractor.load(ActorCatalog.withAdditions(rules.resolve("lexicon")),
                    rules.resolve("lexicon"));
            FolderSource.ScanResult scan = new FolderSource(List.of(dir), ZoneId.systemDefault()).scan();
            scan.warnings().forEach(w -> LOG.warn("{}", w));
            report = Evaluation.run(extractor, dir, scan.articles(), all);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        report.print(out);
        out.flush();
        boolean failed = false;
        PrintWriter err = spec.commandLine().getErr();
        if (minPrecision != null && report.overall().precision() < minPrecision) {
            err.printf(Locale.ROOT, "watchfloor: precision %.3f is below %.3f%n", report.overall().precision(),
                    minPrecision);
            failed = true;
        }
        if (minRecall != null && report.overall().recall() < minRecall) {
            err.printf(Locale.ROOT, "watchfloor: recall %.3f is below %.3f%n", report.overall().recall(), minRecall);
            failed = true;
        }
        return failed ? Main.CHECK_FAILED : Main.OK;
    }

    private static void checkThreshold(String name, Double v) {
        if (v != null && (v.isNaN() || v < 0 || v > 1)) {
            throw new UsageException(name + ": expected a number between 0 and 1, got " + v);
        }
    }
}
