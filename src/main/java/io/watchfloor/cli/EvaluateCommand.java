package io.watchfloor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.evaluate.ArticleLabel;
import io.watchfloor.evaluate.Evaluation;
import io.watchfloor.evaluate.LabelFiles;
import io.watchfloor.evaluate.ReplayedArticle;
import io.watchfloor.evaluate.Report;
import io.watchfloor.evaluate.StreamExpectations;
import io.watchfloor.evaluate.petrarch.PetrarchSet;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.pipeline.ArticleOutcome;
import io.watchfloor.rules.CompiledRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor evaluate DIR... [--petrarch FILE]}: replays each set of labeled articles as {@code replay} does
 * (extraction and rules, on a private scratch store) and scores its signals and alerts against its labels, in either
 * labels format; prints each set's figures, misses, false alarms and trap alerts, then a summary of the sets.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score extraction against labeled sets of articles: precision, recall, misses, false alarms"
                + " and trap alerts, per set.")
final class EvaluateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format { text, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Folders of labeled articles (labels*.yaml in each, in either format).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--petrarch", paramLabel = "FILE",
            description = "Also evaluate PETRARCH-2's unit-test records (PETR.UnitTest.records.xml).")
    Path petrarch;

    @Option(names = "--labels", paramLabel = "FILE", arity = "1..*",
            description = "Labels files for the one DIR (default: every labels*.yaml in it).")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--streams", paramLabel = "FILE",
            description = "Alerts the one DIR must raise (default: its streams.yaml, when there is one).")
    Path streams;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder: rules and lexicon/ (default: the configuration's, rules).")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file: rules folder and rule settings. " + ConfigChoice.HELP)
    Path config;

    @Option(names = "--min-precision", paramLabel = "P", description = "Exit 1 if a set's precision is below P.")
    Double minPrecision;

    @Option(names = "--min-recall", paramLabel = "R", description = "Exit 1 if a set's recall is below R.")
    Double minRecall;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--show", paramLabel = "WHAT", split = ",",
            description = "What to print of each set: figures, misses, false-alarms, alerts (default: all).")
    List<String> show = new ArrayList<>();

    /** One set to evaluate: how it is replayed and how its articles are named. */
    private record EvalSet(String name, List<? extends ArticleLabel> labels, List<String> present,
                           StreamExpectations streams, BiConsumer<Replayer, Consumer<Replayer.Replayed>> replay,
                           Function<String, String> nameOf, List<String> header) { }

    @Override
    public Integer call() {
        if (dirs.isEmpty() && petrarch == null) {
            throw new UsageException("nothing to evaluate: give a folder of labeled articles or --petrarch FILE");
        }
        checkThreshold("--min-precision", minPrecision);
        checkThreshold("--min-recall", minRecall);
        if ((!labels.isEmpty() || streams != null) && dirs.size() != 1) {
            throw new UsageException("--labels and --streams go with exactly one folder (each folder of several"
                    + " uses its own labels*.yaml and streams.yaml)");
        }
        Set<Report.Section> sections = sections();
        WatchfloorConfig loaded = new ConfigLoader().load(config);
        WatchfloorConfig cfg = rules == null ? loaded : loaded.withRulesDir(rules.toString());
        if (!Files.isDirectory(cfg.rulesPath())) {
            throw new UsageException(cfg.rulesPath() + ": no such rules folder");
        }
        // The rules compile while every labels file is read, before anything is replayed: a broken one fails at once.
        Supplier<CompiledRules> compiled = Replayer.compileInBackground(cfg);
        List<EvalSet> sets = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                sets.add(folderSet(dir));
            }
            if (petrarch != null) {
                sets.add(petrarchSet());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Report> reports = new ArrayList<>();
        for (EvalSet s : sets) {
            Report r = evaluate(cfg, compiled, s);
            reports.add(r);
            if (format == Format.jsonl) {
                r.printJson(out, sections);
            } else {
                s.header().forEach(out::println);
                r.print(out, sections);
            }
            out.flush();
        }
        if (format == Format.text && reports.size() > 1) {
            Report.printSummary(out, reports);
            out.flush();
        }
        return checkThresholds(reports) ? Main.OK : Main.CHECK_FAILED;
    }

    private EvalSet folderSet(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": no such folder");
        }
        List<Path> files = labels.isEmpty() ? LabelFiles.defaultFiles(dir) : labels;
        if (files.isEmpty()) {
            throw new UsageException(dir + ": no labels*.yaml files (give them with --labels FILE)");
        }
        List<ArticleLabel> all = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException(f + ": no such labels file");
            }
            all.addAll(LabelFiles.load(f));
        }
        Path streamsFile = streams != null ? streams : dir.resolve("streams.yaml");
        if (streams != null && !Files.isRegularFile(streams)) {
            throw new UsageException(streams + ": no such streams file");
        }
        StreamExpectations expected = Files.isRegularFile(streamsFile) ? StreamExpectations.load(streamsFile)
                : StreamExpectations.NONE;
        List<String> present = new ArrayList<>();
        new FolderSource(List.of(dir), ZoneId.systemDefault()).visit(p -> present.add(relative(dir, p.toString())),
                new ArrayList<>());
        return new EvalSet(dir.toString(), all, present, expected,
                (r, then) -> r.replayFiles(List.of(dir), then), id -> relative(dir, id), List.of());
    }

    private EvalSet petrarchSet() {
        if (!Files.isRegularFile(petrarch)) {
            throw new UsageException(petrarch + ": no such file");
        }
        PetrarchSet p = PetrarchSet.read(petrarch);
        List<String> present = p.labels().stream().map(ArticleLabel::key).toList();
        List<String> header = format == Format.text ? p.describe() : List.of();
        if (format == Format.jsonl) {
            ObjectNode n = JSON.createObjectNode().put("kind", "conversion").put("set", petrarch.toString());
            ObjectNode outcomes = n.putObject("records");
            p.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> outcomes.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
            ObjectNode codes = n.putObject("unmappedCodes");
            p.unmapped().forEach(codes::put);
            header = List.of(n.toString());
        }
        return new EvalSet(petrarch.toString(), p.labels(), present, StreamExpectations.NONE,
                (r, then) -> r.replayArticles(p.articles(), then), p::nameOf, header);
    }

    private Report evaluate(WatchfloorConfig cfg, Supplier<CompiledRules> compiled, EvalSet s) {
        List<ReplayedArticle> replayed = new ArrayList<>();
        long[] nanos = {0};
        long started = System.nanoTime();
        try (Replayer replayer = new Replayer(cfg, compiled)) {
            Consumer<Replayer.Replayed> collect = r -> {
                ArticleOutcome o = r.outcome();
                nanos[0] += r.extractNanos();
                replayed.add(new ReplayedArticle(o.article().id(), s.nameOf().apply(o.article().id()), o.signals(),
                        o.news().stream().map(AlertChange::alert).toList()));
            };
            s.replay().accept(replayer, collect);
        }
        LOG.info("{}: replayed {} articles in {} ms; extraction {} ms per article", s.name(), replayed.size(),
                (System.nanoTime() - started) / 1_000_000,
                String.format(Locale.ROOT, "%.3f", replayed.isEmpty() ? 0 : nanos[0] / 1e6 / replayed.size()));
        try {
            return Evaluation.score(s.name(), s.labels(), s.present(), replayed, s.streams());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private boolean checkThresholds(List<Report> reports) {
        boolean ok = true;
        PrintWriter err = spec.commandLine().getErr();
        for (Report r : reports) {
            if (minPrecision != null && r.overall().precision() < minPrecision) {
                err.printf(Locale.ROOT, "watchfloor: %s: precision %.3f is below %.3f%n", r.set(),
                        r.overall().precision(), minPrecision);
                ok = false;
            }
            if (minRecall != null && r.overall().recall() < minRecall) {
                err.printf(Locale.ROOT, "watchfloor: %s: recall %.3f is below %.3f%n", r.set(), r.overall().recall(),
                        minRecall);
                ok = false;
            }
        }
        err.flush();
        return ok;
    }

    private Set<Report.Section> sections() {
        if (show.isEmpty()) {
            return EnumSet.allOf(Report.Section.class);
        }
        Set<Report.Section> out = EnumSet.noneOf(Report.Section.class);
        for (String w : show) {
            Report.Section s = Arrays.stream(Report.Section.values()).filter(x -> x.option().equals(w.strip()))
                    .findFirst().orElseThrow(() -> new UsageException("--show: '" + w + "' is not one of "
                            + Arrays.stream(Report.Section.values()).map(Report.Section::option)
                            .collect(Collectors.joining(", "))));
            out.add(s);
        }
        return out;
    }

    /** An article's name in its set: its path relative to the set's folder, with '/' separators. */
    static String relative(Path dir, String articleId) {
        Path file = Path.of(articleId);
        Path rel;
        try {
            rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            rel = file.getFileName();
        }
        return rel.toString().replace('\\', '/');
    }

    private static void checkThreshold(String name, Double v) {
        if (v != null && (v.isNaN() || v < 0 || v > 1)) {
            throw new UsageException(name + ": expected a number between 0 and 1, got " + v);
        }
    }
}
