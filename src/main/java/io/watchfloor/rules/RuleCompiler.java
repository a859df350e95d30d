package io.watchfloor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the admin's rule files at run time, off to the side: the result is either a complete rule set or a
 * list of problems naming the admin's file and line; never half of one.
 */
public final class RuleCompiler {
    static final String KBASE = "watchfloor";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    /** Drools reports "Line 4:18 ..." inside its text as well; the file line is what admins need. */
    private static final Pattern DROOLS_LINE_PREFIX = Pattern.compile("^\\[?ERR \\d+\\]?\\s*Line \\d+:\\d+\\s*");
    private static final String FACTS_DRL = """
            package io.watchfloor.rules.internal;
            import io.watchfloor.rules.SignalFact;
            // Signals are events stamped with when they happened, so temporal operators run on event time. They are
            // never modified, so property reactivity buys nothing; class reactivity also spares the warning Drools
            // gives for each constraint that reads another pattern's fact ($second.firstReport).
            declare SignalFact
                @role(event)
                @timestamp(eventTime)
                @classReactive
            end
            """;
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.Factory.get();

    /** Rule files: DRL, and near-English rules (.dslr) with the phrase files (.dsl) that define them. */
    static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".drl") || n.endsWith(".dsl") || n.endsWith(".dslr");
    }

    /** Compiles every rule file directly in {@code dir}, in name order. */
    public CompileResult compile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return failed(new RuleProblem(dir.toString(), 0, true, "rules folder not found"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> isRuleFile(p) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return failed(new RuleProblem(dir.toString(), 0, true, "cannot list rules folder: " + e.getMessage()));
        }
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            try {
                sources.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException | UncheckedIOException e) {
                return failed(new RuleProblem(f.toString(), 0, true, "cannot read: " + e.getMessage()));
            }
        }
        return compile(sources);
    }

    /** Compiles named rule sources (display name to DRL text). */
    public CompileResult compile(Map<String, String> sources) {
        if (sources.keySet().stream().noneMatch(n -> n.endsWith(".drl") || n.endsWith(".dslr"))) {
            return failed(new RuleProblem("rules", 0, true, "no rule files (.drl, .dslr) found"));
        }
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("io.watchfloor", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(kmodule().toXML());
        Map<String, String> kiePathToFile = new HashMap<>();
        kfs.write("src/main/resources/io/watchfloor/rules/internal/watchfloor-facts.drl", FACTS_DRL);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String fileName = Path.of(e.getKey()).getFileName().toString();
            // Drools warns when a file's folder does not match its package: place each file where its package says.
            Matcher m = PACKAGE.matcher(e.getValue());
            String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
            String kiePath = "src/main/resources/" + folder + fileName;
            if (kiePathToFile.containsKey(kiePath)) {
                kiePath = "src/main/resources/" + folder + sources.size() + "_" + fileName;
            }
            kiePathToFile.put(kiePath, e.getKey());
            // Parser errors name the resource without the source-folder prefix.
            kiePathToFile.put(kiePath.substring("src/main/resources/".length()), e.getKey());
            kfs.write(kiePath, e.getValue());
        }
        KieBuilder builder = kie.newKieBuilder(kfs);
        try {
            builder.buildAll();
        } catch (RuntimeException e) {
            return failed(new RuleProblem("rules", 0, true, "rule compiler failed: " + e.getMessage()));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Message msg : builder.getResults().getMessages()) {
            String file = kiePathToFile.getOrDefault(msg.getPath(), msg.getPath() == null ? "rules" : msg.getPath());
            boolean error = msg.getLevel() == Message.Level.ERROR;
            if (msg.getLevel() == Message.Level.INFO) {
                continue;
            }
            problems.add(new RuleProblem(file, msg.getLine(), error, clean(msg.getText())));
        }
        problems = new ArrayList<>(RuleErrors.explain(sources, problems));
        if (problems.stream().noneMatch(RuleProblem::error)) {
            problems.addAll(RuleLint.check(sources));
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            kie.getRepository().removeKieModule(releaseId);
            return new CompileResult(Optional.empty(), problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        KieBase base = container.getKieBase(KBASE);
        // The container is only a way to the KieBase; keep the repository from growing with every reload.
        kie.getRepository().removeKieModule(releaseId);
        List<String> names = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(r.getName());
            }
        }
        names.sort(null);
        return new CompileResult(Optional.of(new CompiledRules(base, List.copyOf(sources.keySet()), names,
                RuleLocations.of(sources), Instant.now(), PairJoins.crossPairRule(sources).orElse(null))), problems);
    }

    private KieModuleModel kmodule() {
        KieModuleModel model = kie.newKieModuleModel();
        KieBaseModel base = model.newKieBaseModel(KBASE).setDefault(true)
                .setEventProcessingMode(EventProcessingOption.STREAM);
        base.addPackage("*");
        return model;
    }

    private static String clean(String text) {
        String t = text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return DROOLS_LINE_PREFIX.matcher(t).replaceFirst("");
    }

    private static CompileResult failed(RuleProblem p) {
        return new CompileResult(Optional.empty(), List.of(p));
    }
}
