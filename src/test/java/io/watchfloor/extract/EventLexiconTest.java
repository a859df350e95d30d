package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An article's text says whether any of its sentences may hold a trigger, without splitting it into sentences. */
class EventLexiconTest {
    private static final EventLexicon LEXICON = EventLexicon.load(Path.of("rules", "lexicon", "events.yaml"));

    private static final List<String> WITH_TRIGGERS = List.of(
            "Iranian jets struck targets inside Pakistan on Tuesday.",
            "Militants fired a volley of rockets across the border.",
            "Pakistan recalled its ambassador from Tehran.",
            "The two foreign ministers held talks in Islamabad.");
    private static final List<String> WITHOUT = List.of(
            "The cricket board announced the squad for the tour.",
            "Prices of wheat rose for a third month.",
            "Rockets were on display at the museum.",
            "Farmers expect a good harvest this year.");

    private static boolean hasTrigger(String sentence) {
        return LEXICON.scan(sentence).stream().anyMatch(m -> m.payload() instanceof Cue.Trigger);
    }

    @Test
    void aTriggerATrapCoversStillMakesTheTextWorthALook() {
        // The trap is decided sentence by sentence, where the article is read: here only "strike" is seen.
        assertThat(LEXICON.mayTrigger("Dockworkers began a general strike over pay.")).isTrue();
    }

    @Test
    void theSentencesWrittenForThisTestAreWhatTheirNamesSay() {
        assertThat(WITH_TRIGGERS).allMatch(EventLexiconTest::hasTrigger);
        assertThat(WITHOUT).noneMatch(EventLexiconTest::hasTrigger);
    }

    @Test
    void textWithoutATriggerSaysSoAndTextWithASentenceThatHasOneMayHoldOne() {
        Random random = new Random(17);
        String[] gaps = {" ", "  ", "\n", "\n\n", " \t", "\u00A0"};
        for (int n = 0; n < 2000; n++) {
            List<String> sentences = new ArrayList<>();
            boolean trigger = false;
            for (int i = 0, k = 1 + random.nextInt(6); i < k; i++) {
                boolean pickTrigger = random.nextInt(5) == 0;
                List<String> from = pickTrigger ? WITH_TRIGGERS : WITHOUT;
                sentences.add(from.get(random.nextInt(from.size())));
                trigger |= pickTrigger;
            }
            StringBuilder text = new StringBuilder();
            for (String s : sentences) {
                text.append(s).append(gaps[random.nextInt(gaps.length)]);
            }
            assertThat(LEXICON.mayTrigger(text)).as("%s", text).isEqualTo(trigger);
        }
    }

    @Test
    void theHeadOfASplitTriggerIsEnoughToLookCloser() {
        // "fired ... rockets": the head alone may make a trigger with a tail in its own sentence.
        assertThat(LEXICON.mayTrigger("Troops fired at dawn. Rockets fell later.")).isTrue();
        assertThat(LEXICON.mayTrigger("Troops waited at dawn. Rockets fell later.")).isFalse();
    }
}
