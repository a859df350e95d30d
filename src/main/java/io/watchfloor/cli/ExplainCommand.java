package io.watchfloor.cli;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.SignalExtractor;
import io.watchfloor.extract.Trace;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.pipeline.Pipelines;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watchfloor explain FILE | --text SENTENCE}: how extraction read an article, sentence by sentence: the
 * countries named, the triggers, the parse, the roles and mood of each trigger, and the signals, or why a trigger
 * gave none. For admins who edit the lexicon and want to know why a sentence gave (or did not give) a signal.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show how extraction read an article or a sentence: countries, triggers, parse, roles, "
                + "signals and why.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Article files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--text", paramLabel = "SENTENCE", description = "Explain this text instead of a file.")
    String text;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Publication date of --text (default: today).")
    String date;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder holding lexicon/ (default: the config's rulesDir, rules).")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file: its rulesDir and extract.parser. " + ConfigChoice.HELP)
    Path config;

    @Override
    public Integer call() {
        if (files.isEmpty() == (text == null)) {
            throw new UsageException("give article files or --text, not both");
        }
        List<Article> articles = new ArrayList<>();
        if (text != null) {
            articles.add(new Article("text", "", text, published(), null, null));
        }
        FolderSource reader = new FolderSource(List.of(), ZoneId.systemDefault());
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException(f + ": no such file");
            }
            List<String> warnings = new ArrayList<>();
            Optional<FileArticle> a = reader.read(f, warnings);
            if (a.isEmpty()) {
                throw new UsageException(f + ": " + String.join("; ", warnings));
            }
            articles.add(a.get().article());
        }
        WatchfloorConfig cfg = new ConfigLoader().load(config);
        Path lexicon = (rules != null ? rules : cfg.rulesPath()).resolve("lexicon");
        SignalExtractor extractor;
        try {
            extractor = Pipelines.extractor(ActorCatalog.withAdditions(lexicon), lexicon, Pipelines.parser(cfg));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Trace trace = new Trace() {
            @Override
            public boolean on() {
                return true;
            }

            @Override
            public void note(String line) {
                out.println(line);
            }
        };
        for (Article a : articles) {
            out.println("== " + a.id() + " (published " + a.published() + ")");
            List<Signal> signals = extractor.extract(a, trace);
            out.println("-- signals:" + (signals.isEmpty() ? " none" : ""));
            for (Signal s : signals) {
                out.println("   " + s.type() + " " + s.actor() + ">" + s.target() + " " + s.eventDate()
                        + (s.planned() ? " planned" : "") + " :: " + s.evidence());
            }
        }
        out.flush();
        return Main.OK;
    }

    private LocalDate published() {
        if (date == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date: expected YYYY-MM-DD, got '" + date + "'");
        }
    }
}
