package io.watchfloor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed articles give exactly the signals a careful analyst lists (src/test/resources/seed-labels.yaml): the
 * strikes of January 16-18 with their dates, the visit and talks of January 29, the pledges, Raisi's announced visit
 * as intent and the killing of nine Pakistani labourers as an ATTACK in Iran, each with its evidence sentence.
 */
class SeedSignalsTest {
    private static Report report;
    private static String text;

    @BeforeAll
    static void evaluate() {
        report = EvaluationHarness.evaluate(Path.of("seeds"), List.of(Path.of("src/test/resources/seed-labels.yaml")));
        text = EvaluationHarness.text(report);
    }

    @Test
    void bothSeedsAreLabeled() {
        assertThat(report.articles()).isEqualTo(2);
        assertThat(report.unlabeled()).isZero();
    }

    @Test
    void noSignalIsMissed() {
        assertThat(report.misses()).as(text).isEmpty();
    }

    @Test
    void noFalseAlarm() {
        assertThat(report.falseAlarms()).as(text).isEmpty();
    }

    @Test
    void everySignalCitesTheRightSentence() {
        assertThat(report.wrongEvidence()).as(text).isEmpty();
    }
}
