package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watchfloor evaluate}: sets replayed with the rules and scored in either labels format, several at once with
 * a summary, PETRARCH-2's records, the output formats, thresholds (exit 1) and bad usage (exit 2).
 */
class EvaluateCommandTest {
    private static final String SEED_LABELS = "src/test/resources/seed-labels.yaml";
    private static final String OUTSIDE = "src/test/resources/evaluate/outside";
    private static final String RECORDS = "src/test/resources/evaluate/petrarch/records.xml";
    private static final String STRIKE = "Border tension\n\nIran struck targets in Pakistan on Tuesday.\n\n"
            + "Published: 2024-01-18\n";

    @Test
    void printsScoresPerTypeAndOverall() {
        CliRunner r = CliRunner.run("evaluate", "seeds", "--labels", SEED_LABELS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("== seeds: 2 labeled articles (0 traps)").contains("precision=1.000")
                .contains("STRIKE").contains("overall").contains("misses: 0").contains("false alarms: 0")
                .contains("trap alerts: 0").doesNotContain("summary");
    }

    @Test
    void unmetThresholdExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), STRIKE);
        Files.writeString(dir.resolve("labels-x.yaml"), "articles:\n  - file: a.txt\n    trap: false\n    signals: []\n");
        CliRunner r = CliRunner.run("evaluate", dir.toString(), "--min-precision", "0.9");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(dir + ": precision 0.000 is below 0.900");
        assertThat(r.out()).contains("false alarms: 1").contains("STRIKE IRN>PAK 2024-01-16");
    }

    @Test
    void trapSignalsAndTheAlertsTheyRaiseAreListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), STRIKE);
        Files.writeString(dir.resolve("labels.yaml"), "articles:\n  - file: a.txt\n    trap: true\n    signals: []\n");
        CliRunner r = CliRunner.run("evaluate", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 labeled articles (1 traps)").contains("trapFP=1 trapAlerts=1")
                .contains("a.txt  STRIKE IRN>PAK 2024-01-16  [trap]")
                .contains("trap alerts: 1").contains("[CRITICAL] ESCALATION STRIKE IRN-PAK")
                .contains("articles: a.txt");
    }

    @Test
    void requireOptionalLabelsAreReadAndScored() {
        CliRunner r = CliRunner.run("evaluate", OUTSIDE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("== " + OUTSIDE + ": 8 labeled articles (3 traps), 1 unlabeled articles not"
                + " scored").contains(" required=6 ").contains("streamAlerts=").contains("STRIKE|CLASH")
                .contains("misses: ").contains("expected alerts not raised: ");
        // the strike of a01 is found and meets its requirement
        assertThat(r.out()).doesNotContain("a01_strike  STRIKE IRN>PAK");
    }

    @Test
    void severalSetsEachWithItsFiguresThenASummary(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), STRIKE);
        Files.writeString(dir.resolve("labels.yaml"), "a: {require: [\"STRIKE IRN>PAK\"]}\n");
        CliRunner r = CliRunner.run("evaluate", OUTSIDE, dir.toString(), "--petrarch", RECORDS,
                "--min-recall", "0.99");
        String out = r.out();
        assertThat(out.indexOf("== " + OUTSIDE + ":")).isNotNegative().isLessThan(out.indexOf("== " + dir + ":"));
        assertThat(out.indexOf("== " + dir + ":")).isLessThan(out.indexOf("== " + RECORDS + ":"));
        assertThat(out).contains("precision=1.000 recall=1.000 required=1 tp=1 fp=0 fn=0 trapFP=0 trapAlerts=0");
        String summary = out.substring(out.indexOf("summary"));
        assertThat(summary.lines().skip(2).map(l -> l.split("\\s+")[0]).toList())
                .containsExactly(OUTSIDE, dir.toString(), RECORDS);
        // the recall of the fixture's "outside" set is at most 5 of 6: below the bar, and named; the set that meets
        // it is not
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("watchfloor: " + OUTSIDE + ": recall ").doesNotContain(dir + ": recall");
    }

    @Test
    void petrarchRecordsAreConvertedCountedAndScored() {
        CliRunner r = CliRunner.run("evaluate", "--petrarch", RECORDS);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(RECORDS + ": 14 records, 8 kept (6 required events), 6 skipped")
                .contains("     1 traps: no event to code")
                .contains("== " + RECORDS + ": 8 labeled articles (2 traps)").contains(" required=6 ");
        // "Iran struck targets in Pakistan on Tuesday." gives the strike its record requires
        assertThat(r.out()).doesNotContain("REAL-01  STRIKE IRN>PAK");
    }

    @Test
    void jsonLinesForTools() throws Exception {
        CliRunner r = CliRunner.run("evaluate", OUTSIDE, "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            lines.add(json.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("kind").asText()).isSubsetOf("miss", "false", "wrongEvidence",
                "trapAlert", "unmetStream", "set").contains("miss", "set");
        JsonNode set = lines.get(lines.size() - 1);
        assertThat(set.get("kind").asText()).isEqualTo("set");
        assertThat(set.get("set").asText()).isEqualTo(OUTSIDE);
        assertThat(set.get("required").asInt()).isEqualTo(6);
        assertThat(set.get("tp").asInt() + set.get("fn").asInt()).isEqualTo(6);
        assertThat(set.get("streams").asInt()).isEqualTo(2);
        assertThat(set.get("perType").has("STRIKE|CLASH")).isTrue();
    }

    @Test
    void showPrintsOnlyWhatIsAskedFor() {
        CliRunner r = CliRunner.run("evaluate", OUTSIDE, "--show", "misses");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("misses: ").doesNotContain("false alarms").doesNotContain("precision=")
                .doesNotContain("trap alerts");
        CliRunner bad = CliRunner.run("evaluate", OUTSIDE, "--show", "misses,everything");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--show: 'everything' is not one of figures, misses, false-alarms, alerts");
    }

    @Test
    void twoRunsPrintTheSame() {
        assertThat(CliRunner.run("evaluate", OUTSIDE).out()).isEqualTo(CliRunner.run("evaluate", OUTSIDE).out());
    }

    @Test
    void labelsGoWithOneFolderOnly() {
        CliRunner r = CliRunner.run("evaluate", "seeds", OUTSIDE, "--labels", SEED_LABELS);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--labels and --streams go with exactly one folder");
    }

    @Test
    void nothingToEvaluateIsBadUsage() {
        CliRunner r = CliRunner.run("evaluate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to evaluate");
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
    void malformedRecordsAreBadUsage(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("records.xml");
        Files.writeString(records, "<Validation><Sentences><Sentence id=\"X-1\" date=\"19950101\">\n"
                + "</Sentences></Validation>\n");
        CliRunner r = CliRunner.run("evaluate", "--petrarch", records.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(records + ":2: not well-formed XML");
    }

    @Test
    void noLabelsIsBadUsage(@TempDir Path dir) {
        CliRunner r = CliRunner.run("evaluate", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no labels*.yaml");
    }
}
