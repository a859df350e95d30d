package io.watchfloor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

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

    private final KieServices kie = KieServices.Factory.get();
    private final RuleCache cache;

    /** Reads the shipped rules' packages compiled with the jar; writes nothing. */
    public RuleCompiler() {
        this(RuleCache.shipped());
    }

    public RuleCompiler(RuleCache cache) {
        this.cache = cache;
    }

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
        Map<String, String> sources = new LinkedHashMap<>();
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
        Optional<RuleCache.Entry> kept = cache.load(sources);
        if (kept.isPresent()) {
            return result(sources, kept.get().packages(), kept.get().problems());
        }
        return build(sources);
    }

    /** Parses and compiles the sources, and keeps the packages in the cache when they compiled. */
    private CompileResult build(Map<String, String> sources) {
        // Straight to a knowledge builder: a KieBuilder would also write and read back a pom and a kmodule.xml (with
        // XStream, ~300 classes of Java 1.4 that no class-data archive keeps) and a KieContainer, a second or more of
        // CPU per start for the same packages and the same messages.
        ClassLoader classes = RuleCompiler.class.getClassLoader();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classes));
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, String> kiePathToFile = new HashMap<>();
        batch.add(resource("io/watchfloor/rules/internal/watchfloor-facts.drl", FACTS_DRL), ResourceType.DRL);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String fileName = Path.of(e.getKey()).getFileName().toString();
            // Each file where its package says, as a rule project would place it (messages name this path).
            Matcher m = PACKAGE.matcher(e.getValue());
            String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
            String kiePath = folder + fileName;
            if (kiePathToFile.containsKey(kiePath)) {
                kiePath = folder + sources.size() + "_" + fileName;
            }
            kiePathToFile.put(kiePath, e.getKey());
            batch.add(resource(kiePath, e.getValue()), ResourceType.determineResourceType(fileName));
        }
        try {
            batch.build();
        } catch (RuntimeException e) {
            return failed(new RuleProblem("rules", 0, true, "rule compiler failed: " + e.getMessage()));
        }
        List<RuleProblem> problems = new ArrayList<>();
        long id = 0;
        for (ResultSeverity severity : List.of(ResultSeverity.ERROR, ResultSeverity.WARNING)) { // as a KieBuilder lists
            for (KnowledgeBuilderResult result : builder.getResults(severity)) {
                Message msg = result.asMessage(++id);
                String file = kiePathToFile.getOrDefault(msg.getPath(),
                        msg.getPath() == null ? "rules" : msg.getPath());
                problems.add(new RuleProblem(file, msg.getLine(), severity == ResultSeverity.ERROR,
                        clean(msg.getText())));
            }
        }
        problems = new ArrayList<>(RuleErrors.explain(sources, problems));
        if (problems.stream().noneMatch(RuleProblem::error)) {
            problems.addAll(RuleLint.check(sources));
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return new CompileResult(Optional.empty(), problems);
        }
        Collection<KiePackage> packages = builder.getKnowledgePackages();
        cache.save(sources, new RuleCache.Entry(List.copyOf(packages), problems)); // before a base takes them over
        return result(sources, packages, problems);
    }

    private CompileResult result(Map<String, String> sources, Collection<KiePackage> packages,
                                 List<RuleProblem> problems) {
        ClassLoader classes = RuleCompiler.class.getClassLoader();
        KieBaseConfiguration conf = kie.newKieBaseConfiguration(null, classes);
        conf.setOption(EventProcessingOption.STREAM);
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(KBASE, conf);
        base.addPackages(packages);
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

    private static Resource resource(String path, String text) {
        return ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(path);
    }

    private static String clean(String text) {
        String t = text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return DROOLS_LINE_PREFIX.matcher(t).replaceFirst("");
    }

    private static CompileResult failed(RuleProblem p) {
        return new CompileResult(Optional.empty(), List.of(p));
    }
}
