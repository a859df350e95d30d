package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import io.watchfloor.pipeline.Pipelines;
import io.watchfloor.rules.AnswerReader.Reading;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a report's sentence says about the order of two strikes of the same day. */
class AnswerReaderTest {
    private static final AnswerReader READER = Pipelines.answers(ActorCatalog.loadDefault());

    private static Reading read(String actor, String target, String sentence) {
        Article a = new Article("a1", "t", "", LocalDate.parse("2024-01-16"), null, null);
        return READER.read(new Signal(SignalType.STRIKE, actor, target, LocalDate.parse("2024-01-16"), false, sentence,
                a, 0.9));
    }

    /** Pakistan's strike answers Iran's, which the same sentence tells; Iran's answers nothing. */
    private static void assertPakistanAnswersIranWithinTheSentence(String sentence) {
        assertThat(read("PAK", "IRN", sentence)).isEqualTo(Reading.ANSWER_TO_TOLD);
        assertThat(read("IRN", "PAK", sentence)).isEqualTo(Reading.NONE);
    }

    @Test
    void hoursAfterPutsTheClauseAfterItFirst() {
        assertPakistanAnswersIranWithinTheSentence("Hours after Iran launched missile strikes on militant bases in "
                + "Pakistan on Tuesday, Pakistan retaliated with air strikes inside Iran.");
    }

    @Test
    void theEarlierStrikeMayComeLastInTheSentenceAndBeNamedByItsAdjective() {
        assertPakistanAnswersIranWithinTheSentence("Pakistan launched air strikes inside Iran on Tuesday, hours after "
                + "Iranian missiles hit militant bases in Pakistan's Balochistan province.");
    }

    @Test
    void hoursLaterPutsTheClauseBeforeItFirst() {
        assertPakistanAnswersIranWithinTheSentence("Tehran struck targets in Pakistan on Tuesday; hours later Islamabad "
                + "hit back.");
    }

    @Test
    void anAnswerWordMarksItsOwnClauseEvenWhenItStandsBeforeIt() {
        assertThat(read("PAK", "IRN", "Pakistan struck targets in Iran on Tuesday in response."))
                .isEqualTo(Reading.ANSWER);
        assertThat(read("PAK", "IRN", "In retaliation, Pakistan launched an air strike on hideouts in Iran's "
                + "Sistan-Baluchestan province.")).isEqualTo(Reading.ANSWER);
        assertThat(read("PAK", "IRN", "Iran struck Pakistan on Tuesday, and Pakistan retaliated the same day."))
                .isEqualTo(Reading.ANSWER_TO_TOLD);
    }

    @Test
    void aSentenceWithoutAWordOfSequenceOrdersNothing() {
        assertThat(read("PAK", "IRN", "Iran and Pakistan exchanged strikes across the border on Tuesday."))
                .isEqualTo(Reading.NONE);
        assertThat(read("IRN", "PAK", "Iran struck targets in Pakistan on Tuesday.")).isEqualTo(Reading.NONE);
    }

    @Test
    void afterSomethingTheTargetDidNotDoIsNoAnswerToIt() {
        assertThat(read("PAK", "IRN", "Pakistan struck targets in Iran after talks between militants and the army "
                + "collapsed.")).isEqualTo(Reading.NONE);
        // Retaliation, but by the other side: Iran is named first in the clause that says so.
        assertThat(read("PAK", "IRN", "Pakistan struck Iran on Monday, and Iran retaliated.")).isEqualTo(Reading.NONE);
    }

    @Test
    void aReaderThatKnowsNoNamesReadsNothing() {
        Article a = new Article("a1", "t", "", LocalDate.parse("2024-01-16"), null, null);
        Signal s = new Signal(SignalType.STRIKE, "PAK", "IRN", LocalDate.parse("2024-01-16"), false,
                "Pakistan retaliated against Iran.", a, 0.9);
        assertThat(AnswerReader.knowingNoNames().read(s)).isEqualTo(Reading.NONE);
    }
}
