package io.watchfloor.cli;

import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.DurationDeserializer;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code watchfloor silence add|list|remove}: silences kept in the data directory (silences.yaml), which a running
 * daemon re-reads before every routing decision.
 */
@Command(name = "silence", mixinStandardHelpOptions = true, description = "Silence alerts by pair, rule or type.",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Remove.class})
final class SilenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (add, list, remove)");
    }

    static WatchfloorConfig config(Path file) {
        return new ConfigLoader().load(file);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Silence alerts matching every option given, until a time.",
            footerHeading = "%nExamples:%n",
            footer = {"  watchfloor silence add --pair IRN-PAK --for 2h --comment \"exercise\"",
                    "  watchfloor silence add --rule tit-for-tat --until 2026-12-01T00:00:00Z",
                    "  watchfloor silence add --type VISIT --for 3d"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;
        @Option(names = "--pair", paramLabel = "AAA-BBB", description = "Country pair, e.g. IRN-PAK.")
        String pair;
        @Option(names = "--rule", paramLabel = "RULE", description = "Rule name, e.g. tit-for-tat.")
        String rule;
        @Option(names = "--type", paramLabel = "TYPE", description = "Alert type, e.g. STRIKE.")
        String type;
        @Option(names = "--until", paramLabel = "TIME", description = "ISO time, e.g. 2026-12-01T00:00:00Z.")
        String until;
        @Option(names = "--for", paramLabel = "DURATION", description = "Instead of --until: 2h, 3d ...")
        String duration;
        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (shown in logs and lists).")
        String comment;
        @Option(names = "--author", paramLabel = "NAME", description = "Who adds it (default: the system user).")
        String author = System.getProperty("user.name");

        @Override
        public Integer call() throws IOException {
            if (pair == null && rule == null && type == null) {
                throw new UsageException("silence add: give --pair, --rule or --type");
            }
            if (pair != null && !pair.matches("[A-Za-z]{3}(-[A-Za-z]{3})?")) {
                throw new UsageException("silence add: --pair '" + pair + "' is not like IRN-PAK");
            }
            if (type != null && !SignalType.names().contains(type.toUpperCase(Locale.ROOT))
                    && !List.of("RETALIATION", "SPIRAL", "PLANNED_VISIT").contains(type.toUpperCase(Locale.ROOT))) {
                throw new UsageException("silence add: --type '" + type + "' is not an alert type");
            }
            Instant end;
            try {
                if (until != null && duration == null) {
                    end = Instant.parse(until);
                } else if (duration != null && until == null) {
                    end = Instant.now().plus(DurationDeserializer.parse(duration))
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                } else {
                    throw new UsageException("silence add: give either --until or --for");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new UsageException("silence add: " + (until != null ? "--until '" + until
                        + "' is not an ISO time such as 2026-12-01T00:00:00Z" : "--for '" + duration + "': "
                        + e.getMessage()));
            }
            WatchfloorConfig cfg = config(config);
            ConfigChoice.warnIfNoDaemonUses(cfg, new ConfigLoader().chosenFile(config), "the silence is kept",
                    spec.commandLine().getErr());
            List<Silence> all = new ArrayList<>(SilenceSet.read(cfg.silencesFile()));
            Silence s = new Silence(UUID.randomUUID().toString().substring(0, 8),
                    pair == null ? null : pair.toUpperCase(Locale.ROOT), rule,
                    type == null ? null : type.toUpperCase(Locale.ROOT), end, comment, author);
            all.add(s);
            SilenceSet.write(cfg.silencesFile(), all);
            spec.commandLine().getOut().println("silence " + s.id() + " added until " + end + " (kept in "
                    + cfg.silencesFile().toAbsolutePath().normalize() + ")");
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List silences (config and added).")
    static final class ListSilences implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;

        @Override
        public Integer call() throws IOException {
            WatchfloorConfig cfg = config(config);
            var out = spec.commandLine().getOut();
            Instant now = Instant.now();
            List<Silence> all = new ArrayList<>(cfg.email().silences());
            all.addAll(SilenceSet.read(cfg.silencesFile()));
            if (all.isEmpty()) {
                out.println("no silences");
            }
            for (Silence s : all) {
                out.printf("%-8s %-8s %s until %s%s%s%n", s.id() == null ? "config" : s.id(),
                        s.until() != null && now.isBefore(s.until()) ? "active" : "expired",
                        describe(s), s.until(), s.comment() == null ? "" : "  # " + s.comment(),
                        s.author() == null ? "" : " (by " + s.author() + ")");
            }
            return Main.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an added silence by its id.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;
        @Parameters(paramLabel = "ID", description = "The id shown by 'silence list'.")
        String id;

        @Override
        public Integer call() throws IOException {
            WatchfloorConfig cfg = config(config);
            ConfigChoice.warnIfNoDaemonUses(cfg, new ConfigLoader().chosenFile(config), "the removal is made",
                    spec.commandLine().getErr());
            List<Silence> all = new ArrayList<>(SilenceSet.read(cfg.silencesFile()));
            if (!all.removeIf(s -> id.equals(s.id()))) {
                throw new UsageException("silence remove: no silence with id " + id
                        + " (silences in the config file are removed by editing it)");
            }
            SilenceSet.write(cfg.silencesFile(), all);
            spec.commandLine().getOut().println("silence " + id + " removed");
            return Main.OK;
        }
    }

    static String describe(Silence s) {
        List<String> parts = new ArrayList<>();
        if (s.pair() != null) {
            parts.add("pair " + s.pair());
        }
        if (s.rule() != null) {
            parts.add("rule " + s.rule());
        }
        if (s.type() != null) {
            parts.add("type " + s.type());
        }
        return String.join(", ", parts);
    }
}
