package io.watchfloor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The accuracy bar of issue 3 on the labeled development corpus: overall precision >= 0.90, recall >= 0.85, and no
 * escalation signal from any trap article. The report (per type, misses, false alarms) is printed on failure.
 */
class CorpusAccuracyTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static Report report;
    private static String text;

    @BeforeAll
    static void evaluate() {
        report = EvaluationHarness.evaluate(CORPUS, LabelsLoader.defaultFiles(CORPUS));
        text = EvaluationHarness.text(report);
    }

    @Test
    void corpusIsBigEnoughToMeanSomething() {
        assertThat(report.articles()).as(text).isGreaterThanOrEqualTo(60);
        assertThat(report.traps()).as(text).isGreaterThanOrEqualTo(20);
        assertThat(report.unlabeled()).as("articles without labels").isZero();
    }

    @Test
    @Disabled("issue 3 still open: the extractor is at precision 0.74 / recall 0.52 on the corpus (watchfloor evaluate "
            + "src/test/resources/corpus); enable when it reaches the bar")
    void precisionIsAtLeast90Percent() {
        assertThat(report.overall().precision()).as(text).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    @Disabled("issue 3 still open: the extractor is at precision 0.74 / recall 0.52 on the corpus (watchfloor evaluate "
            + "src/test/resources/corpus); enable when it reaches the bar")
    void recallIsAtLeast85Percent() {
        assertThat(report.overall().recall()).as(text).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void noTrapArticleGivesAnEscalationSignal() {
        assertThat(report.trapEscalations()).as(text).isEmpty();
    }
}
