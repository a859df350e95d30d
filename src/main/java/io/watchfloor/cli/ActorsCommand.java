package io.watchfloor.cli;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.ActorLookup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchfloor actors}: the actor catalogue, for admins. */
@Command(name = "actors", mixinStandardHelpOptions = true, description = "The actor catalogue.",
        subcommands = ActorsCommand.Lookup.class)
final class ActorsCommand {

    /** {@code watchfloor actors lookup NAME [--date D]}: what a name stands for on a date, and why. */
    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = "Print what a name stands for on a date, and why (entry, dates of office, source file "
                    + "and line). Exit 1 when it names no country that day.")
    static final class Lookup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The name as written in text (case matters).")
        String name;

        @Option(names = "--date", paramLabel = "D", description = "The article's date, YYYY-MM-DD (default: today).")
        String date;

        @Option(names = "--rules", paramLabel = "DIR",
                description = "Rules folder whose lexicon/actors.yaml adds to the catalogue (default: the config's "
                        + "rulesDir, rules).")
        Path rules;

        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;

        @Override
        public Integer call() {
            LocalDate on;
            try {
                on = date == null ? LocalDate.now() : LocalDate.parse(date);
            } catch (DateTimeException e) {
                throw new UsageException("--date: '" + date + "' is not a date (YYYY-MM-DD)");
            }
            if (rules == null) {
                rules = new io.watchfloor.config.ConfigLoader().load(config).rulesPath();
            }
            ActorCatalog catalog;
            try {
                catalog = ActorCatalog.withAdditions(rules.resolve("lexicon"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            List<String> code = new ArrayList<>();
            List<String> lines = ActorLookup.explain(catalog, name, on, code);
            if (lines.isEmpty()) {
                out.println("'" + name + "': not in the actor catalogue (names are matched as written, capitals "
                        + "included)");
                return Main.CHECK_FAILED;
            }
            lines.forEach(out::println);
            out.println(code.isEmpty() ? "=> no country on " + on : "=> " + code.get(0) + " on " + on);
            return code.isEmpty() ? Main.CHECK_FAILED : Main.OK;
        }
    }
}
