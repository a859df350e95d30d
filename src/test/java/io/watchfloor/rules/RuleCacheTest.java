package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCacheTest {
    private static final LocalDate DAY = LocalDate.parse("2024-01-18");

    /** The shipped rules as the admin might edit them: the same rules, one comment more, so not the jar's entry. */
    private static Path editedRules(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path f : s.filter(RuleCompiler::isRuleFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.writeString(rules.resolve("escalation.drl"), "\n// edited by the admin\n",
                StandardOpenOption.APPEND);
        return rules;
    }

    private static List<Path> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".rules")).sorted().toList();
        }
    }

    /** What the rules decide on Iran's strike and Pakistan's answer two days later. */
    private static List<String> decisions(CompiledRules rules) {
        Article a = new Article("a1", "t", "", DAY, null, null);
        List<Signal> strikes = List.of(
                new Signal(SignalType.STRIKE, "IRN", "PAK", LocalDate.parse("2024-01-16"), false, "e1", a, 0.9),
                new Signal(SignalType.STRIKE, "PAK", "IRN", DAY, false, "e2", a, 0.9));
        try (RuleEngine engine = new RuleEngine(rules, RuleSettings.DEFAULTS)) {
            return engine.evaluate(strikes, DAY).stream()
                    .map(d -> d.rule() + " " + d.severity() + " " + d.type() + " " + d.evidence()).sorted().toList();
        }
    }

    @Test
    void aRestartOnTheSameRulesReadsWhatTheLastStartCompiledAndDecidesTheSame(@TempDir Path dir) throws Exception {
        Path rules = editedRules(dir);
        Path cache = dir.resolve("compiled-rules");
        CompileResult first = new RuleCompiler(RuleCache.in(cache, "build 1")).compile(rules);
        assertThat(first.errors()).isEmpty();
        List<Path> kept = entries(cache);
        assertThat(kept).hasSize(1);
        Files.setLastModifiedTime(kept.get(0), FileTime.fromMillis(0));

        CompileResult again = new RuleCompiler(RuleCache.in(cache, "build 1")).compile(rules);
        assertThat(Files.getLastModifiedTime(kept.get(0)).toMillis()).as("read back, so kept as recently used")
                .isGreaterThan(0);
        assertThat(entries(cache)).isEqualTo(kept);
        CompiledRules a = first.rules().orElseThrow();
        CompiledRules b = again.rules().orElseThrow();
        assertThat(b.ruleNames()).isEqualTo(a.ruleNames());
        assertThat(b.locations()).isEqualTo(a.locations());
        assertThat(b.pairLocal()).isEqualTo(a.pairLocal());
        assertThat(decisions(b)).isNotEmpty().anyMatch(d -> d.startsWith("tit-for-tat ")).isEqualTo(decisions(a));
    }

    @Test
    void anotherBuildOrOtherRulesCompileAfreshAndOnlyTheRecentEntriesStay(@TempDir Path dir) throws Exception {
        Path rules = editedRules(dir);
        Path cache = dir.resolve("compiled-rules");
        assertThat(new RuleCompiler(RuleCache.in(cache, "build 1")).compile(rules).ok()).isTrue();
        assertThat(new RuleCompiler(RuleCache.in(cache, "build 2")).compile(rules).ok()).isTrue();
        assertThat(entries(cache)).as("compiled consequences belong to the build that made them").hasSize(2);
        for (int i = 0; i < 4; i++) {
            Files.writeString(rules.resolve("escalation.drl"), "\n// edit " + i + "\n",
                    StandardOpenOption.APPEND);
            assertThat(new RuleCompiler(RuleCache.in(cache, "build 2")).compile(rules).ok()).isTrue();
        }
        assertThat(entries(cache)).hasSize(4);
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced(@TempDir Path dir) throws Exception {
        Path rules = editedRules(dir);
        Path cache = dir.resolve("compiled-rules");
        CompiledRules first = new RuleCompiler(RuleCache.in(cache, "b")).compile(rules).rules().orElseThrow();
        Path entry = entries(cache).get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(whole, whole.length / 2));

        CompileResult again = new RuleCompiler(RuleCache.in(cache, "b")).compile(rules);
        assertThat(again.errors()).isEmpty();
        assertThat(decisions(again.rules().orElseThrow())).isEqualTo(decisions(first));
        assertThat(Files.size(entry)).as("written whole again").isEqualTo(whole.length);
    }

    @Test
    void anEntryOthersCouldHaveWrittenIsNeverRun(@TempDir Path dir) throws Exception {
        Path rules = editedRules(dir);
        Path cache = dir.resolve("compiled-rules");
        assertThat(new RuleCompiler(RuleCache.in(cache, "b")).compile(rules).ok()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        Path entry = entries(cache).get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setLastModifiedTime(entry, FileTime.fromMillis(0));

        assertThat(new RuleCompiler(RuleCache.in(cache, "b")).compile(rules).ok()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
                .as("compiled again and written anew, not read").isEqualTo("rw-------");
    }

    @Test
    void brokenRulesAreNeverKept(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package watchfloor;\nrule \"r\" when\n  Nothing( \nthen end\n");
        Path cache = dir.resolve("compiled-rules");
        assertThat(new RuleCompiler(RuleCache.in(cache, "b")).compile(rules).ok()).isFalse();
        assertThat(entries(cache)).isEmpty();
    }

    @Test
    void keptWarningsNameTheFilesOfTheFolderTheRulesAreReadFrom(@TempDir Path dir) throws Exception {
        Map<String, String> atFirst = new LinkedHashMap<>();
        atFirst.put("/old/place/a.drl", "package watchfloor;\nrule \"a\" when then end\n");
        RuleCache cache = RuleCache.in(dir, "b");
        cache.save(atFirst, new RuleCache.Entry(List.of(),
                List.of(new RuleProblem("/old/place/a.drl", 2, false, "something to say"))));
        Map<String, String> moved = Map.of("/etc/watchfloor/rules/a.drl", atFirst.get("/old/place/a.drl"));

        RuleCache.Entry back = cache.load(moved).orElseThrow();
        assertThat(back.problems()).extracting(RuleProblem::toString)
                .containsExactly("/etc/watchfloor/rules/a.drl:2: warning: something to say");
    }

    @Test
    void theShippedRulesComeCompiledWithTheBuildSoAStartOnThemWritesNothing(@TempDir Path dir) throws Exception {
        Map<String, String> shipped = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path f : s.filter(RuleCompiler::isRuleFile).sorted().toList()) {
                shipped.put(f.toString(), Files.readString(f));
            }
        }
        assertThat(RuleCache.class.getClassLoader().getResource(RuleCache.SHIPPED + RuleCache.key(shipped) + ".rules"))
                .as("made by RulePrecompiler when the classes were built").isNotNull();
        Path cache = dir.resolve("compiled-rules");
        CompiledRules rules = new RuleCompiler(RuleCache.in(cache, "b")).compile(Path.of("rules")).rules()
                .orElseThrow();
        assertThat(entries(cache)).isEmpty();
        assertThat(rules.ruleNames()).contains("tit-for-tat", "strike-between-states");
        assertThat(decisions(rules)).anyMatch(d -> d.startsWith("tit-for-tat "));
    }
}
