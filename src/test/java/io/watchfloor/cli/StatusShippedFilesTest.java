package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a dpkg upgrade kept an edited rule, status names the shipped version waiting beside it. */
class StatusShippedFilesTest {
    @Test
    void shippedVersionsBesideEditedFilesAreListedUntilDeleted(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.copy("rules", dir.resolve("etc"));
        Path cfg = dir.resolve("etc/watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules + "\n");
        Files.copy(rules.resolve("escalation.drl"), rules.resolve("escalation.drl.dpkg-dist"));
        Files.copy(cfg, dir.resolve("etc/watchfloor.yaml.new"));

        CliRunner r = CliRunner.run("status", "--config", cfg.toString());
        assertThat(r.exit()).as("never run with this data folder").isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("shipped:  2 shipped files differ from yours")
                .contains("  " + rules.resolve("escalation.drl") + "  (shipped: escalation.drl.dpkg-dist)")
                .contains("  " + cfg.toAbsolutePath() + "  (shipped: watchfloor.yaml.new)");
        // The shipped rule version is not a rule file: validating the folder does not see it twice.
        assertThat(CliRunner.run("rules", "validate", "--rules", rules.toString()).exit()).isZero();

        Files.delete(rules.resolve("escalation.drl.dpkg-dist"));
        Files.delete(dir.resolve("etc/watchfloor.yaml.new"));
        assertThat(CliRunner.run("status", "--config", cfg.toString()).out()).doesNotContain("shipped:");
    }
}
