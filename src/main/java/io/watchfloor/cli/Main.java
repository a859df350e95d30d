package io.watchfloor.cli;

import io.watchfloor.config.ConfigException;
import io.watchfloor.health.RequestTimeLimits;
import io.watchfloor.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** The {@code watchfloor} command. Exit codes: 0 success, 1 a check failed, 2 bad usage or configuration. */
@Command(name = "watchfloor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Watches news for escalation and de-escalation between countries and raises alerts.",
        footerHeading = "%nExamples:%n",
        footer = {"  watchfloor run --once                               one pass over the sources, then exit",
                "  watchfloor status                                   is the daemon running and well? (exit 0)",
                "  watchfloor silence add --pair IRN-PAK --for 2h --comment \"exercise\"",
                "  watchfloor rules validate && watchfloor rules test  check the rules before a reload",
                "  watchfloor replay seeds --format jsonl              what the rules make of a folder",
                "  watchfloor help status                              a command's options and examples",
                "",
                "Commands use the config named by --config, else WATCHFLOOR_CONFIG (the installed launcher sets it),",
                "else config/watchfloor.yaml, else the embedded defaults.",
                "Exit codes: 0 success, 1 a check failed, 2 bad usage or configuration."},
        subcommands = {RunCommand.class, ReplayCommand.class, RulesCommand.class, StatusCommand.class,
                SilenceCommand.class, EvaluateCommand.class, ExplainCommand.class, ActorsCommand.class,
                BoardCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class})
public final class Main {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        // Before any HTTP server class loads: the JDK reads its request time limits once.
        RequestTimeLimits.apply();
        EarlyStart.begin(List.of(args));
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs a command line with the given output streams; what tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("watchfloor: " + ex.getMessage());
            err.println("Try 'watchfloor " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof UsageException) {
                err.println("watchfloor: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof StoreException) {
                // What was being done, and what the database said (once: some messages say it already).
                String said = ex.getCause() == null ? "" : StoreException.rootMessage(ex);
                err.println("watchfloor: " + ex.getMessage() + (ex.getMessage().contains(said) ? "" : ": " + said));
                return USAGE;
            }
            err.println("watchfloor: " + ex);
            ex.printStackTrace(err);
            return CHECK_FAILED;
        });
        try {
            return cl.execute(args);
        } finally {
            // The writers buffer: what a command printed must be out before the JVM exits, however long it is.
            out.flush();
            err.flush();
        }
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}
