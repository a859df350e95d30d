package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor evaluate}: the report, thresholds (exit 1) and bad usage (exit 2). */
class EvaluateCommandTest {
    private static final String SEED_LABELS = "src/test/resources/seed-labels.yaml";

    @Test
    void printsScoresPerTypeAndOverall() {
        CliRunner r = CliRunner.run("evaluate", "seeds", "--labels", SEED_LABELS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 labeled articles (0 traps)").contains("STRIKE").contains("overall")
                .contains("precision").contains("recall").contains("misses:").contains("false alarms:")
                .contains("trap articles with escalation signals:");
    }

    @Test
    void unmetThresholdExitsOne(@TempDir Path dir) throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "Border tension\n\nIran struck targets in Pakistan on Tuesday.\n\n"
                + "Published: 2024-01-18\n");
        Path labels = dir.resolve("labels-x.yaml");
        Files.writeString(labels, "articles:\n  - file: a.txt\n    trap: false\n    signals: []\n");
        CliRunner r = CliRunner.run("evaluate", dir.toString(), "--min-precision", "0.9");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("precision 0.000 is below 0.900");
        assertThat(r.out()).contains("false alarms: 1").contains("STRIKE IRN>PAK 2024-01-16");
    }

    @Test
    void trapHitsAreListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Border tension\n\nIran struck targets in Pakistan on "
                + "Tuesday.\n\nPublished: 2024-01-18\n");
        Files.writeString(dir.resolve("labels.yaml"), "articles:\n  - file: a.txt\n    trap: true\n    signals:\n"
                + "      - {type: STRIKE, actor: IRN, target: PAK, eventDate: 2024-01-16}\n");
        CliRunner r = CliRunner.run("evaluate", dir.toString(), "--min-recall", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("trap articles with escalation signals: 1");
    }

    @Test
    void missingFolderIsBadUsage() {
        CliRunner r = CliRunner.run("evaluate", "no-such-folder");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("watchfloor: no-such-folder: no such folder");
    }

    @Test
    void labelForMissingArticleIsBadUsage(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("labels.yaml");
        Files.writeString(labels, "articles:\n  - file: 999_absent.txt\n    trap: false\n    signals: []\n");
        CliRunner r = CliRunner.run("evaluate", "seeds", "--labels", labels.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("999_absent.txt").contains("no such article");
    }

    @Test
    void malformedLabelIsBadUsage(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("labels.yaml");
        Files.writeString(labels, "articles:\n  - file: 000_89c3de90ed6096f9.txt\n    signals:\n"
                + "      - {type: BOMBING, actor: IRN, target: PAK, eventDate: 2024-01-16}\n");
        CliRunner r = CliRunner.run("evaluate", "seeds", "--labels", labels.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("labels.yaml").contains("'BOMBING' is not a signal type");
    }

    @Test
    void noLabelsIsBadUsage(@TempDir Path dir) {
        CliRunner r = CliRunner.run("evaluate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no labels*.yaml");
    }
}
