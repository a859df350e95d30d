package io.watchfloor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.rules.CompileResult;
import io.watchfloor.rules.RuleCompiler;
import io.watchfloor.rules.RuleProblem;
import io.watchfloor.ruletest.RuleTestResult;
import io.watchfloor.ruletest.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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
        throw new ParameterException(spec.commandLine(), "missing subcommand (validate, test)");
    }

    /** The rules folder: --rules, else the config's rulesDir (the installed one under the installed launcher). */
    static Path folder(Path rules, Path config) {
        Path dir = rules != null ? rules : new ConfigLoader().load(config).rulesPath();
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + ": rules folder not found");
        }
        return dir;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Compile every rule file, or the FILEs given together with the rest of the folder (a FILE "
                    + "takes the place of the folder's file of the same name: check a change before saving it for "
                    + "real). Errors as FILE:LINE: message; exit 1 on error."},
            footerHeading = "%nExamples:%n",
            footer = {"  watchfloor rules validate",
                    "  watchfloor rules validate /tmp/escalation.drl      # an edited copy, before putting it in place",
                    "  watchfloor rules validate --rules /etc/watchfloor/rules"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: the config's rulesDir, "
                + "rules).")
        Path rules;

        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Rule files (.drl, .dslr, .dsl) to check.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Path dir = folder(rules, config);
            Map<String, String> sources = new LinkedHashMap<>();
            List<String> given = new ArrayList<>();
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (!(n.endsWith(".drl") || n.endsWith(".dslr") || n.endsWith(".dsl"))) {
                    throw new UsageException(f + ": not a rule file (.drl, .dslr or .dsl)");
                }
                if (!Files.isRegularFile(f)) {
                    throw new UsageException(f + ": file not found");
                }
                sources.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
                given.add(f.toString());
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String n = p.getFileName().toString();
                    boolean ruleFile = n.endsWith(".drl") || n.endsWith(".dslr") || n.endsWith(".dsl");
                    boolean replaced = files.stream().anyMatch(f -> f.getFileName().toString().equals(n));
                    if (ruleFile && !replaced) {
                        sources.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
            CompileResult r = new RuleCompiler().compile(sources);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (RuleProblem p : r.problems()) {
                (p.error() ? err : out).println(p);
            }
            if (!r.ok()) {
                err.println(r.errors().size() + " error" + (r.errors().size() == 1 ? "" : "s") + " in "
                        + (given.isEmpty() ? dir.toString() : String.join(", ", given) + " (with " + dir + ")"));
                return Main.CHECK_FAILED;
            }
            var compiled = r.rules().orElseThrow();
            if (given.isEmpty()) {
                List<String> ruleFiles = compiled.files().stream().filter(f -> !f.endsWith(".dsl")).toList();
                out.println("OK: " + compiled.ruleNames().size() + " rules in " + ruleFiles.size() + " files ("
                        + String.join(", ", compiled.ruleNames()) + ")");
            }
            for (String f : given) {
                List<String> mine = compiled.ruleNames().stream()
                        .filter(n -> compiled.locations().getOrDefault(n, "").startsWith(f + ":")).toList();
                out.println("OK: " + f + ": " + mine.size() + " rule" + (mine.size() == 1 ? "" : "s")
                        + (mine.isEmpty() ? "" : " (" + String.join(", ", mine) + ")") + ", compiled with the other "
                        + (sources.size() - given.size()) + " files of " + dir);
            }
            out.println(compiled.pairLocal()
                    ? "every rule joins signals of one pair of countries: pairs are evaluated apart, on every core"
                    : "one rule session for all pairs: " + compiled.crossPair());
            return Main.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the rule tests in the rules folder's tests/*.yaml, or those named; exit 1 on a failure.",
            footerHeading = "%nExamples:%n",
            footer = {"  watchfloor rules test",
                    "  watchfloor rules test tit-for-tat          # one test: its file name, or its 'name:'",
                    "  watchfloor rules test --rules /etc/watchfloor/rules"})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: the config's rulesDir, "
                + "rules).")
        Path rules;

        @Option(names = "--config", paramLabel = "FILE", description = ConfigChoice.HELP)
        Path config;

        @Parameters(paramLabel = "NAME", arity = "0..*",
                description = "Tests to run: a file name in tests/ (with or without .yaml) or a test's 'name:'.")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Path dir = folder(rules, config);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CompileResult compiled = new RuleCompiler().compile(dir);
            if (!compiled.ok()) {
                compiled.errors().forEach(err::println);
                err.println("rules do not compile; no test run");
                return Main.CHECK_FAILED;
            }
            RuleTestRunner runner = new RuleTestRunner(dir, compiled.rules().orElseThrow());
            List<Path> files = runner.testFiles();
            if (files.isEmpty()) {
                throw new UsageException(dir.resolve("tests") + ": no rule tests (*.yaml) found");
            }
            if (!names.isEmpty()) {
                files = chosen(files, names);
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

        /** The test files the names choose, in file order; a name that chooses none is a usage error. */
        private static List<Path> chosen(List<Path> files, List<String> names) {
            Map<Path, String> testNames = new LinkedHashMap<>();
            for (Path f : files) {
                testNames.put(f, declaredName(f));
            }
            List<Path> out = new ArrayList<>();
            for (String n : names) {
                List<Path> hits = files.stream().filter(f -> matches(f, testNames.get(f), n)).toList();
                if (hits.isEmpty()) {
                    List<String> known = new ArrayList<>();
                    files.forEach(f -> known.add(stem(f)));
                    throw new UsageException("rules test: no test named '" + n + "' (tests: "
                            + String.join(", ", known) + ")");
                }
                hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
            }
            out.sort(null);
            return out;
        }

        private static boolean matches(Path file, String declared, String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).equals(n)
                    || stem(file).toLowerCase(Locale.ROOT).equals(n)
                    || declared != null && declared.toLowerCase(Locale.ROOT).equals(n);
        }

        private static String stem(Path f) {
            return f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        }

        /** The test's {@code name:}, or null (a file that does not read is reported when it runs). */
        private static String declaredName(Path f) {
            try {
                return new ObjectMapper(new YAMLFactory()).readTree(f.toFile()).path("name").asText(null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
