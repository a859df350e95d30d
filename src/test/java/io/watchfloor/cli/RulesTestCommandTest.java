package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import io.watchfloor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor rules test}: the shipped rule tests pass; a wrong expectation fails with a readable diff. */
class RulesTestCommandTest {
    @Test
    void shippedRuleTestsPass() {
        CliRunner r = CliRunner.run("rules", "test");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS rules/tests/seeds.yaml").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    /** The shipped rules and the seeds their tests read, copied so a test can add files. */
    private static Path copyOfShippedRules(Path dir) throws Exception {
        TestFiles.copy("seeds", dir);
        return TestFiles.copy("rules", dir);
    }

    @Test
    void wrongExpectationFailsWithADiff(@TempDir Path dir) throws Exception {
        Path rules = copyOfShippedRules(dir);
        Files.writeString(rules.resolve("tests/wrong.yaml"), """
                name: a deliberately wrong expectation
                signals:
                  - {type: STRIKE, actor: IND, target: PAK, eventDate: 2019-02-26, published: 2019-02-26}
                  - {type: STRIKE, actor: PAK, target: IND, eventDate: 2019-02-27, published: 2019-02-27}
                expect:
                  - {rule: tit-for-tat, severity: WARNING, actors: [IND, PAK]}
                """);
        CliRunner r = CliRunner.run("rules", "test", "--rules", rules.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + rules.resolve("tests/wrong.yaml") + "  a deliberately wrong expectation")
                .contains("expected, not raised: {rule: tit-for-tat, severity: WARNING, actors: [IND, PAK]}")
                .contains("closest: tit-for-tat RETALIATION ESCALATION CRITICAL [IND, PAK] 2019-02-27")
                .contains("differs in severity CRITICAL (expected WARNING)")
                .containsPattern("(?m)^\\d+ passed, 1 failed$");
    }

    @Test
    void alertThatShouldBeAbsentFails(@TempDir Path dir) throws Exception {
        Path rules = copyOfShippedRules(dir);
        Files.writeString(rules.resolve("tests/absent.yaml"), """
                signals:
                  - {type: STRIKE, actor: IND, target: PAK, eventDate: 2019-02-26, published: 2019-02-26}
                absent:
                  - {rule: strike-between-states}
                """);
        CliRunner r = CliRunner.run("rules", "test", "--rules", rules.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("raised, expected absent: strike-between-states STRIKE ESCALATION CRITICAL");
    }

    @Test
    void brokenTestFileNamesTheKeyAndLine(@TempDir Path dir) throws Exception {
        Path rules = copyOfShippedRules(dir);
        Files.writeString(rules.resolve("tests/broken.yaml"), """
                signals:
                  - {type: STRIKE, actor: IND, target: PAK, eventDate: 2019-02-26}
                expect:
                  - {rule: tit-for-tat, severty: CRITICAL}
                """);
        CliRunner r = CliRunner.run("rules", "test", "--rules", rules.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + rules.resolve("tests/broken.yaml"))
                .contains(rules.resolve("tests/broken.yaml") + ":4: key 'expect[0].severty'");
    }

    @Test
    void oneTestRunsByItsFileNameOrItsDeclaredName() {
        CliRunner byFile = CliRunner.run("rules", "test", "tit-for-tat");
        assertThat(byFile.exit()).as(byFile.out() + byFile.err()).isZero();
        assertThat(byFile.out()).contains("PASS rules/tests/tit-for-tat.yaml").doesNotContain("seeds.yaml")
                .containsPattern("(?m)^1 passed, 0 failed$");

        CliRunner byName = CliRunner.run("rules", "test", "Iran-Pakistan, January 2024 (seed articles)");
        assertThat(byName.exit()).as(byName.out() + byName.err()).isZero();
        assertThat(byName.out()).contains("PASS rules/tests/seeds.yaml").containsPattern("(?m)^1 passed, 0 failed$");

        CliRunner none = CliRunner.run("rules", "test", "no-such-test");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no test named 'no-such-test'").contains("tit-for-tat");
    }

    @Test
    void theShippedTestsRunFromAFolderWithoutTheProjectBesideIt(@TempDir Path dir) throws Exception {
        // As installed: /etc/watchfloor/rules, with no seeds/ two levels up.
        Path rules = TestFiles.copy("rules", dir.resolve("etc/watchfloor"));
        CliRunner r = CliRunner.run("rules", "test", "--rules", rules.toString(), "seeds");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^1 passed, 0 failed$");
    }

    @Test
    void theTestArticlesAreTheSeedsUnchanged() throws Exception {
        try (var seeds = Files.list(Path.of("seeds"))) {
            for (Path s : seeds.toList()) {
                assertThat(Path.of("rules/tests/articles").resolve(s.getFileName())).hasSameBinaryContentAs(s);
            }
        }
    }
}
