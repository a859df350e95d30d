package io.watchfloor.cli;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Signal;
import io.watchfloor.notify.JsonLines;
import io.watchfloor.notify.LogNotifier;
import io.watchfloor.pipeline.ArticleOutcome;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
    enum Format { text, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Article folders or files.")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file: rules folder and rule settings. " + ConfigChoice.HELP)
    Path config;

    @Option(names = "--lanes", paramLabel = "N", description = "Threads the rules and alert decisions run on, by pair"
            + " of countries, when every rule joins within one pair (default: the number of cores; 1: one session).")
    int lanes = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        WatchfloorConfig cfg = new ConfigLoader().load(config);
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new UsageException(in + ": no such file or folder");
            }
        }
        if (lanes < 1) {
            throw new UsageException("--lanes: " + lanes + " is not a number of threads (1 or more)");
        }
        // JSON lines go out in 64 KB writes: flushed line by line, the output of a replay was a system call for
        // every article that had something to say. Text, for people watching, still comes line by line.
        PrintWriter out = format == Format.jsonl
                ? new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false)
                : spec.commandLine().getOut();
        // The rules compile while the first pass reads.
        try (Replayer replayer = new Replayer(cfg, Replayer.compileInBackground(cfg), lanes)) {
            replayer.replayFiles(inputs, r -> print(out, r));
        } finally {
            out.flush();
        }
        return Main.OK;
    }

    private void print(PrintWriter out, Replayer.Replayed r) {
        ArticleOutcome o = r.outcome();
        if (format == Format.jsonl) {
            r.signalLines().forEach(out::println);
            r.alertLines().forEach(out::println);
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
