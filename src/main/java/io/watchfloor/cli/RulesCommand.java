package io.watchfloor.cli;

import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleProblem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor rules ...}: checks on the admin's rule files. */
@Command(name = "rules", description = "Check the rule files.", subcommands = {RulesCommand.Validate.class},
        mixinStandardHelpOptions = true)
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (validate)");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile every rule file; errors as FILE:LINE: message; exit 1 on error.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ${DEFAULT-VALUE}).")
        Path rules = Path.of("rules");

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isDirectory(rules)) {
                throw new UsageException(rules + ": rules folder not found");
            }
            CompileResult r = new RuleCompiler().compile(rules);
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            for (RuleProblem p : r.problems()) {
                (p.error() ? err : out).println(p);
            }
            if (!r.ok()) {
                err.println(r.errors().size() + " error" + (r.errors().size() == 1 ? "" : "s") + " in " + rules);
                return Main.CHECK_FAILED;
            }
            var compiled = r.rules().orElseThrow();
            out.println("OK: " + compiled.ruleNames().size() + " rules in " + compiled.files().size() + " files ("
                    + String.join(", ", compiled.ruleNames()) + ")");
            return Main.OK;
        }
    }
}
