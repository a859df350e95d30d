package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.TestFiles;
import io.watchfloor.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start of {@code run} begun in main: the config read and the rules compiled before the command line is parsed. */
class EarlyStartTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetWhatWasBegun() {
        EarlyStart.take(null);
    }

    private Path config(String rulesDir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rulesDir + "\n");
        return cfg;
    }

    @Test
    void runWithAConfigFileReadsItAndCompilesItsRules() throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Path cfg = config(rules.toString());
        EarlyStart.begin(List.of("run", "--config", cfg.toString()));
        EarlyStart begun = EarlyStart.take(cfg).orElseThrow();
        assertThat(begun.config().rulesPath()).isEqualTo(rules);
        assertThat(begun.rules().get().ruleNames()).contains("tit-for-tat");
        assertThat(EarlyStart.take(cfg)).as("taken once").isEmpty();
    }

    @Test
    void theEqualsFormOfTheOptionIsReadToo() throws Exception {
        Path cfg = config(TestFiles.copy("rules", dir).toString());
        EarlyStart.begin(List.of("run", "--once", "--config=" + cfg));
        assertThat(EarlyStart.take(cfg)).isPresent();
    }

    @Test
    void otherCommandsAndHelpBeginNothing() throws Exception {
        Path cfg = config("rules");
        for (List<String> args : List.of(List.of("replay", "seeds", "--config", cfg.toString()),
                List.of("run", "--help", "--config", cfg.toString()), List.of("run", "-V"), List.<String>of())) {
            EarlyStart.begin(args);
            assertThat(EarlyStart.take(cfg)).as("%s", args).isEmpty();
            assertThat(EarlyStart.take(null)).as("%s", args).isEmpty();
        }
    }

    @Test
    void aStartForAnotherConfigIsNotTaken() throws Exception {
        Path cfg = config(TestFiles.copy("rules", dir).toString());
        EarlyStart.begin(List.of("run", "--config", cfg.toString()));
        assertThat(EarlyStart.take(dir.resolve("other.yaml"))).isEmpty();
    }

    @Test
    void aBrokenConfigIsReportedWhenTheCommandAsksForIt() throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nnoSuchKey: 1\n");
        EarlyStart.begin(List.of("run", "--config", cfg.toString()));
        EarlyStart begun = EarlyStart.take(cfg).orElseThrow();
        assertThatThrownBy(begun::config).isInstanceOf(ConfigException.class).hasMessageContaining(cfg.toString())
                .hasMessageContaining("noSuchKey");
    }

    @Test
    void aBrokenRuleIsReportedWithItsFileAndLine() throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Files.writeString(rules.resolve("broken.drl"), "package watchfloor.rules\nrule \"x\"\nwhen\n  nonsense(\nthen\nend\n");
        Path cfg = config(rules.toString());
        EarlyStart.begin(List.of("run", "--config", cfg.toString()));
        EarlyStart begun = EarlyStart.take(cfg).orElseThrow();
        assertThat(begun.config().rulesPath()).isEqualTo(rules);
        assertThatThrownBy(() -> begun.rules().get()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.drl");
    }
}
