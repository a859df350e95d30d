package io.watchfloor.cli;

import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.ruletest.RuleTestResult;
import io.watchfloor.ruletest.RuleTestRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor rules ...}: checks on the admin's rule files. */
@Command(name = "rules", description = "Check the rule files.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class},
        mixinStandardHelpOptions = true)
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (validate, test)");
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
            out.println(compiled.pairLocal()
                    ? "every rule joins signals of one pair of countries: pairs are evaluated apart, on every core"
                    : "one rule session for all pairs: " + compiled.crossPair());
            return Main.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the rule tests in rules/tests/*.yaml; exit 1 on a failure.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ${DEFAULT-VALUE}).")
        Path rules = Path.of("rules");

        @Override
        public Integer call() throws java.io.IOException {
            if (!java.nio.file.Files.isDirectory(rules)) {
                throw new UsageException(rules + ": rules folder not found");
            }
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            CompileResult compiled = new RuleCompiler().compile(rules);
            if (!compiled.ok()) {
                compiled.errors().forEach(err::println);
                err.println("rules do not compile; no test run");
                return Main.CHECK_FAILED;
            }
            RuleTestRunner runner = new RuleTestRunner(rules, compiled.rules().orElseThrow());
            List<Path> files = runner.testFiles();
            if (files.isEmpty()) {
                throw new UsageException(rules.resolve("tests") + ": no rule tests (*.yaml) found");
            }
            int passed = 0;
            int failed = 0;
            for (Path f : files) {
                RuleTestResult r = runner.run(f);
                if (r.passed()) {
                    passed++;
                    out.println("PASS " + f + "  " + r.name());
                } else {
                    failed++;
                    out.println("FAIL " + f + "  " + r.name());
                    r.details().forEach(d -> out.println("    " + d));
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? Main.OK : Main.CHECK_FAILED;
        }
    }
}
