package io.watchfloor.cli;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.CompiledRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The start of {@code watchfloor run} begun in {@code main}, before the command line is parsed and logging is set up
 * (about half a second): the config is read and the rules, the longest step of a start, compile on their own thread
 * meanwhile. {@link RunCommand} takes what was begun when it was begun for the same config file; anything else (a
 * command line this reading of it got wrong, tests calling {@link Main#execute}) starts as before.
 */
final class EarlyStart {
    private static final Object LOCK = new Object();
    private static EarlyStart begun;

    /** The config file named on the command line (null: the usual choice, {@link ConfigLoader#load}). */
    private final Path explicit;
    private final StartStep<WatchfloorConfig> config;
    private final StartStep<CompiledRules> rules;

    private EarlyStart(Path explicit) {
        this.explicit = explicit;
        this.config = StartStep.start("watchfloor-config", () -> new ConfigLoader().load(explicit));
        this.rules = StartStep.start("watchfloor-rule-compiler", () -> Pipelines.compileRules(config.get()));
    }

    /** Begins the start when {@code args} run the daemon; help and version requests begin nothing. */
    static void begin(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("run")) {
            return;
        }
        Path explicit = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (List.of("-h", "--help", "-V", "--version").contains(a)) {
                return;
            }
            if (a.equals("--config") && i + 1 < args.size()) {
                explicit = Path.of(args.get(++i));
            } else if (a.startsWith("--config=")) {
                explicit = Path.of(a.substring("--config=".length()));
            }
        }
        synchronized (LOCK) {
            begun = new EarlyStart(explicit);
        }
    }

    /** What was begun for the config file {@code explicit}, once; empty when nothing was (or for another file). */
    static Optional<EarlyStart> take(Path explicit) {
        synchronized (LOCK) {
            EarlyStart e = begun;
            begun = null;
            return e != null && Objects.equals(e.explicit, explicit) ? Optional.of(e) : Optional.empty();
        }
    }

    /** The config (its error thrown as reading it would have thrown it). */
    WatchfloorConfig config() {
        return config.get();
    }

    /** The rules compiling from that config. */
    StartStep<CompiledRules> rules() {
        return rules;
    }
}
