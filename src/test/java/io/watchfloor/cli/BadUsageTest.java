package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage exits 2 with one clear line naming the problem. */
class BadUsageTest {
    @Test
    void unknownOption() {
        CliRunner r = CliRunner.run("replay", "seeds", "--colour");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).contains("Unknown option").contains("--colour");
    }

    @Test
    void unknownCommand() {
        CliRunner r = CliRunner.run("launch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("launch");
    }

    @Test
    void missingFolder() {
        CliRunner r = CliRunner.run("replay", "no-such-folder");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("watchfloor: no-such-folder: no such file or folder");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingConfigFile(@TempDir Path dir) {
        Path cfg = dir.resolve("absent.yaml");
        CliRunner r = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("watchfloor: " + cfg + ": config file not found");
    }

    @Test
    void unreadableConfigFile(@TempDir Path dir) throws Exception {
        // A folder where a file is expected cannot be read, even by root.
        Path cfg = Files.createDirectory(dir.resolve("watchfloor.yaml"));
        CliRunner r = CliRunner.run("status", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("watchfloor: " + cfg + ": cannot read config file");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void configKeyWithAWrongType(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, """
                dataDir: var
                rules:
                  freshnessDays: soon
                """);
        CliRunner r = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("watchfloor: " + cfg
                + ":3: key 'rules.freshnessDays': expected a whole number, found 'soon'");
    }

    @Test
    void portsOutOfRangeAreRefusedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nemail:\n  smtp:\n    port: -1\n"
                + "http:\n  port: 70000\n");
        CliRunner r = CliRunner.run("run", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                "watchfloor: " + cfg + ":4: key 'email.smtp.port': must be 1 or more",
                cfg + ":6: key 'http.port': must be 65535 or less");
        assertThat(dir.resolve("var")).doesNotExist();
    }

    @Test
    void unknownConfigKeyNamesTheKeyAndLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, """
                sources:
                  scanInterval: 5m
                  folder: [seeds]
                """);
        CliRunner r = CliRunner.run("status", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("watchfloor: " + cfg + ":3: unknown key 'sources.folder'")
                .contains("known keys: feeds, fetch, folders, scanInterval, settleDelay, stories, watch");
    }

    @Test
    void rulesValidateOnAMissingFolder() {
        CliRunner r = CliRunner.run("rules", "validate", "--rules", "no-such-rules");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("watchfloor: no-such-rules: rules folder not found");
    }
}
