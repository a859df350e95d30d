package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --once}: one pass over the folders, alerts to the JSON Lines file, nothing processed twice. */
class RunOnceTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: [seeds]\n");
        return cfg;
    }

    @Test
    void onePassWritesAlertsAndASecondPassAddsNothing() throws Exception {
        Path cfg = config();
        CliRunner first = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("2 new articles of 2 scanned;");
        Path alerts = dir.resolve("var/alerts.jsonl");
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"rule\":\"tit-for-tat\"")
                .contains("\"sources\":2"));

        CliRunner second = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).startsWith("0 new articles of 2 scanned; 0 alerts raised or updated;");
        assertThat(Files.readAllLines(alerts)).isEqualTo(lines);
    }

    @Test
    void statusReportsSourcesRulesAndAlerts() throws Exception {
        Path cfg = config();
        CliRunner before = CliRunner.run("status", "--config", cfg.toString());
        assertThat(before.exit()).as("never run here").isEqualTo(Main.CHECK_FAILED);
        assertThat(before.out()).contains("never run");

        assertThat(CliRunner.run("run", "--once", "--config", cfg.toString()).exit()).isZero();
        CliRunner status = CliRunner.run("status", "--config", cfg.toString());
        assertThat(status.exit()).as("no daemon running, the store read whole: " + status.err()).isZero();
        assertThat(status.out()).contains("daemon:   not running")
                .containsPattern("rules: +\\d+ rules from 3 files \\(rules/deescalation.drl, rules/escalation.drl, "
                        + "rules/retaliation.dslr\\), phrases from rules/watchfloor.dsl, compiled \\d{4}-")
                .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d")
                .contains("health:   not running")
                .containsPattern("folder +seeds +last poll \\d{4}-\\d\\d-\\d\\dT.*, ok, 2 articles")
                .contains("articles: 2 processed")
                .containsPattern("alerts: +\\d+ on record, 0 emails pending delivery, \\d+ sent");
    }

    @Test
    void editedRulesAreCompiledAtTheFirstStartAndReadBackAtTheNext() throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Files.writeString(rules.resolve("escalation.drl"), "\n// the admin's edit\n", StandardOpenOption.APPEND);
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nsources:\n  folders: [seeds]\n");
        CliRunner first = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path kept = dir.resolve("var/compiled-rules");
        List<Path> entries = TestFiles.list(kept);
        assertThat(entries).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entries.get(0)))).isEqualTo("rw-------");
        Files.setLastModifiedTime(entries.get(0), FileTime.fromMillis(0));

        CliRunner second = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("0 new articles of 2 scanned;");
        assertThat(TestFiles.list(kept)).isEqualTo(entries);
        assertThat(Files.getLastModifiedTime(entries.get(0)).toMillis()).as("read back").isGreaterThan(0);

        Files.writeString(rules.resolve("escalation.drl"), "\n// edited again\n", StandardOpenOption.APPEND);
        assertThat(CliRunner.run("run", "--once", "--config", cfg.toString()).exit()).isZero();
        assertThat(TestFiles.list(kept)).as("compiled anew").hasSize(2);
    }

    @Test
    void aBrokenActorFileStopsTheStartNamingItsEntryAndProcessesNothing() throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Files.writeString(rules.resolve("lexicon/actors.yaml"),
                "people:\n  - {names: [Jane Roe], terms: [\"FRA FM\"]}\n");
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nsources:\n  folders: [seeds]\n");
        CliRunner r = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("actors.yaml: people[0]").contains("not CODE ROLE FROM..TO");
        assertThat(dir.resolve("var/alerts.jsonl")).doesNotExist();
    }
}
