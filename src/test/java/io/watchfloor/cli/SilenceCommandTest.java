package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor silence add|list|remove}, and a silenced pair's alerts staying out of the outbox. */
class SilenceCommandTest {
    @Test
    void addListRemoveAndTheSilencedPairIsNotMailed(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: [seeds]\n");
        CliRunner added = CliRunner.run("silence", "add", "--config", cfg.toString(), "--pair", "pak-irn", "--for",
                "2d", "--comment", "exercise");
        assertThat(added.exit()).as(added.err()).isZero();
        // Nothing has run with this data folder yet: the silence is kept, and the officer is told nobody will see it.
        assertThat(added.err()).contains("warning: no watchfloor daemon uses the data folder "
                + dir.resolve("var").toAbsolutePath().normalize()).contains("config " + cfg);
        Matcher m = Pattern.compile("silence (\\w+) added until ").matcher(added.out());
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        CliRunner list = CliRunner.run("silence", "list", "--config", cfg.toString());
        assertThat(list.out()).containsPattern(id + " +active +pair PAK-IRN until ").contains("# exercise");

        CliRunner run = CliRunner.run("run", "--once", "--config", cfg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 emails sent");
        assertThat(Files.exists(dir.resolve("var/outbox"))).isFalse();

        CliRunner removed = CliRunner.run("silence", "remove", "--config", cfg.toString(), id);
        assertThat(removed.exit()).isZero();
        assertThat(removed.err()).as("a daemon has used the folder now").doesNotContain("warning");
        assertThat(CliRunner.run("silence", "list", "--config", cfg.toString()).out()).contains("no silences");
    }

    @Test
    void badSilencesAreUsageErrors(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\n");
        assertThat(CliRunner.run("silence", "add", "--config", cfg.toString(), "--for", "2h").err())
                .contains("give --pair, --rule or --type");
        CliRunner r = CliRunner.run("silence", "add", "--config", cfg.toString(), "--pair", "IRN-PAK", "--until",
                "tomorrow");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "watchfloor: silence add: --until 'tomorrow' is not an ISO time such as 2026-12-01T00:00:00Z");
        assertThat(CliRunner.run("silence", "remove", "--config", cfg.toString(), "nope").exit()).isEqualTo(2);
    }
}
