package io.watchfloor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Article;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer on require/optional labels (src/test/resources/evaluate/outside/labels.yaml) with signals and alerts
 * given, not extracted: every rule of the outside corpora's score.py, with figures worked out by hand. (The same
 * signals and alerts, written as {@code replay --format jsonl} lines, give the same figures from score.py itself:
 * see bench/RESULTS.md.)
 */
class RequireLabelScoringTest {
    private static final Path SET = Path.of("src/test/resources/evaluate/outside");
    private static Report report;

    @BeforeAll
    static void score() {
        Map<String, List<Signal>> got = new LinkedHashMap<>();
        // a01: the strike twice (counted once), the allowed protest, a threat nobody labeled
        got.put("a01_strike", signals("a01_strike", "STRIKE IRN>PAK 2024-01-16", "STRIKE IRN>PAK 2024-01-17",
                "PROTEST PAK>IRN 2024-01-17", "THREAT IRN>PAK 2024-01-18"));
        // a02: one alternative of the any_of meets it; the other alternative and the optional attack are allowed
        got.put("a02_either", signals("a02_either", "STRIKE PAK>IND 2019-02-27", "CLASH IND>PAK 2019-02-27",
                "ATTACK ?>IND 2019-02-27"));
        // a03: the talks in either order meet "TALKS QAT-ARE"; the visit the wrong way round is a miss and a false
        // alarm
        got.put("a03_talks", signals("a03_talks", "TALKS ARE>QAT 2023-06-19", "VISIT QAT>ARE 2023-06-19"));
        // a04: history before background_before is no false alarm (the first CLASH stands for the second); a strike
        // after it is
        got.put("a04_history", signals("a04_history", "CEASEFIRE ERI>ETH 2018-07-09", "CLASH ERI>ETH 1998-05-06",
                "CLASH ERI>ETH 2019-01-01", "STRIKE ERI>ETH 2019-01-01"));
        // a05: a trap with optional items; domestic_ok lets the strike within India pass, not the talks
        got.put("a05_domestic", signals("a05_domestic", "MOBILIZATION IND>IND 2022-06-19",
                "STRIKE IND>IND 2022-06-19", "TALKS IND>PAK 2022-06-19"));
        got.put("a06_trap", signals("a06_trap", "STRIKE USA>JPN 2023-03-13"));
        got.put("a07_anything", signals("a07_anything", "STRIKE CHN>TWN 2024-02-16"));
        // a08: the labels call PLEDGE undirected, whichever way it is written
        got.put("a08_pledge", signals("a08_pledge", "PLEDGE VEN>GUY 2023-12-14"));
        got.put("z_unlabeled", signals("z_unlabeled", "STRIKE RUS>UKR 2023-01-01"));

        Map<String, List<Alert>> alerts = new LinkedHashMap<>();
        alerts.put("a01_strike", List.of(alert("tit-for-tat", Category.ESCALATION, "RETALIATION", "a01_strike")));
        // raised, then updated: two alert lines, two trap alerts (as score.py counts lines)
        alerts.put("a06_trap", List.of(alert("strike-between-states", Category.ESCALATION, "STRIKE", "a06_trap"),
                alert("strike-between-states", Category.ESCALATION, "STRIKE", "a06_trap")));
        alerts.put("a07_anything", List.of(alert("strike-between-states", Category.ESCALATION, "STRIKE",
                "a07_anything"), alert("spiral", Category.ESCALATION, "SPIRAL", "a07_anything", "a01_strike")));

        List<ReplayedArticle> replayed = new ArrayList<>();
        got.forEach((stem, signals) -> replayed.add(new ReplayedArticle(id(stem), "articles/" + stem + ".txt",
                signals, alerts.getOrDefault(stem, List.of()))));
        List<String> present = replayed.stream().map(ReplayedArticle::name).toList();
        report = Evaluation.score("outside", LabelFiles.load(SET.resolve("labels.yaml")), present, replayed,
                StreamExpectations.load(SET.resolve("streams.yaml")));
    }

    @Test
    void figuresAreScorePysOwn() {
        // required: a01 1, a02 1, a03 2, a04 1, a08 1; false alarms: a01 threat, a03 visit, a04 strike, a05 talks,
        // a06 strike
        assertThat(report.figures()).isEqualTo("precision=0.500 recall=0.833 required=6 tp=5 fp=5 fn=1 trapFP=2"
                + " trapAlerts=3 streamAlerts=1/2");
        assertThat(report.articles()).isEqualTo(8);
        assertThat(report.traps()).isEqualTo(3);
        assertThat(report.unlabeled()).isEqualTo(1);
    }

    @Test
    void missesAndFalseAlarmsNameTheArticleAndTheSignal() {
        assertThat(report.misses()).extracting(Finding::article, Finding::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a03_talks", "VISIT ARE>QAT"));
        assertThat(report.falseAlarms()).extracting(Finding::article, Finding::what, Finding::trap).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a01_strike", "THREAT IRN>PAK 2024-01-18", false),
                org.assertj.core.groups.Tuple.tuple("a03_talks", "VISIT QAT>ARE 2023-06-19", false),
                org.assertj.core.groups.Tuple.tuple("a04_history", "STRIKE ERI>ETH 2019-01-01", false),
                org.assertj.core.groups.Tuple.tuple("a05_domestic", "TALKS IND-PAK 2022-06-19", true),
                org.assertj.core.groups.Tuple.tuple("a06_trap", "STRIKE USA>JPN 2023-03-13", true));
        assertThat(report.falseAlarms().get(0).evidence()).isEqualTo("sentence of a01_strike");
        assertThat(report.trapEscalations()).extracting(Finding::article).containsExactly("a06_trap");
    }

    @Test
    void rowsPerTypeAndPerMixedRequirement() {
        assertThat(report.perType()).containsEntry("STRIKE", new Report.Score(1, 2, 0))
                .containsEntry("STRIKE|CLASH", new Report.Score(1, 0, 0))
                .containsEntry("VISIT", new Report.Score(0, 1, 1))
                .containsEntry("TALKS", new Report.Score(1, 1, 0))
                .containsEntry("PLEDGE", new Report.Score(1, 0, 0));
        assertThat(report.perType().keySet()).containsExactly("STRIKE", "THREAT", "VISIT", "TALKS", "PLEDGE",
                "CEASEFIRE", "STRIKE|CLASH");
    }

    @Test
    void trapAlertsRestOnTrapArticlesAlone() {
        assertThat(report.trapAlerts()).extracting(Report.AlertFinding::type, a -> a.articles().get(0))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("STRIKE", "articles/a06_trap.txt"),
                        org.assertj.core.groups.Tuple.tuple("STRIKE", "articles/a06_trap.txt"),
                        org.assertj.core.groups.Tuple.tuple("STRIKE", "articles/a07_anything.txt"));
        assertThat(report.unmetStreams()).containsExactly("deescalation ERI-ETH");
    }

    @Test
    void aLabelForAnAbsentArticleNamesFileAndLine() {
        List<ReplayedArticle> none = List.of();
        assertThatThrownBy(() -> Evaluation.score("outside", LabelFiles.load(SET.resolve("labels.yaml")),
                List.of("articles/a01_strike.txt"), none, StreamExpectations.NONE))
                .hasMessageContaining("labels.yaml:5: a02_either: no such article in outside");
    }

    @Test
    void malformedItemsAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("labels.yaml");
        Files.writeString(f, "a01: {require: [\"STRIKE IRN>PAK\"]}\na02: {require: [\"BOMBING IRN>PAK\"]}\n");
        assertThatThrownBy(() -> LabelFiles.load(f)).hasMessageContaining("labels.yaml:2: a02: require[0]: 'BOMBING'"
                + " is not a signal type");
        Files.writeString(f, "a01: {require: [\"STRIKE IRN PAK\"]}\n");
        assertThatThrownBy(() -> LabelFiles.load(f)).hasMessageContaining("'STRIKE IRN PAK' is not an item");
        Files.writeString(f, "a01: {require: [], optionnal: [\"* *\"]}\n");
        assertThatThrownBy(() -> LabelFiles.load(f)).hasMessageContaining("a01: unknown key 'optionnal'");
    }

    @Test
    void aLineGivenTwiceDifferentlyIsAnErrorTheSameTwiceIsNot(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("labels.yaml");
        Files.writeString(f, "a01: {require: []}\na02: {require: []}\na01: {require: []}\n");
        assertThat(LabelFiles.load(f)).hasSize(2);
        Files.writeString(f, "a01: {require: []}\na01: {require: [\"STRIKE IRN>PAK\"]}\n");
        assertThatThrownBy(() -> LabelFiles.load(f))
                .hasMessageContaining("labels.yaml:2: a01: given twice, differently (first on line 1)");
    }

    @Test
    void aFileInNeitherFormatIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("labels.yaml");
        Files.writeString(f, "- just\n- a list\n");
        assertThatThrownBy(() -> LabelFiles.load(f)).hasMessageContaining("not a labels file");
    }

    private static String id(String stem) {
        return "corpus/articles/" + stem + ".txt";
    }

    /** Signals written "TYPE ACTOR>TARGET DATE" ("?" for nobody in particular), in the order given. */
    private static List<Signal> signals(String stem, String... specs) {
        List<Signal> out = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split("[ >]");
            LocalDate date = LocalDate.parse(p[3]);
            Article a = new Article(id(stem), stem, "body", date, null, null);
            out.add(new Signal(SignalType.valueOf(p[0]), p[1].equals("?") ? null : p[1], p[2], date, false,
                    "sentence of " + stem, a, 0.9));
        }
        return out;
    }

    private static Alert alert(String rule, Category category, String type, String... stems) {
        List<Evidence> evidence = new ArrayList<>();
        for (String s : stems) {
            evidence.add(new Evidence("sentence", id(s), s, null, LocalDate.parse("2024-01-01"), id(s)));
        }
        List<String> actors = type.equals("RETALIATION") ? List.of("IRN", "PAK") : List.of("USA", "JPN");
        return new Alert(rule + "-" + String.join("-", stems), rule, category, type, Severity.CRITICAL, actors,
                LocalDate.parse("2024-01-01"), "title", "summary", evidence, 1);
    }
}
