package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The officials an article introduces with their country, and what is not a name. */
class PersonRegistryTest {

    private static PersonRegistry learnt(String sentence, Mention country) {
        PersonRegistry r = new PersonRegistry();
        r.learn(sentence, List.of(country));
        return r;
    }

    @Test
    void aRankBeforeANameIsNotPartOfIt() {
        String s = "Norland's army chief Lt Gen Orvo Tessaly said the border was calm.";
        PersonRegistry r = learnt(s, new Mention(0, 7, "IND", Mention.Kind.NAME, false, false));
        assertThat(r.names()).containsEntry("Orvo Tessaly", "IND").containsEntry("Tessaly", "IND")
                .doesNotContainKeys("Lt", "Lt Gen Orvo Tessaly");
    }

    @Test
    void wordsOfAnOfficeNameNoOne() {
        String s = "India's Director General Military Operations (DGMO) briefed the press.";
        assertThat(learnt(s, new Mention(0, 5, "IND", Mention.Kind.NAME, false, false)).names()).isEmpty();
        String t = "Israel's armed forces chief Lt. Gen. Avner Dolev warned the group.";
        assertThat(learnt(t, new Mention(0, 6, "ISR", Mention.Kind.NAME, false, false)).names()).isEmpty();
    }

    @Test
    void aPlainIntroductionIsLearnt() {
        String s = "Iran's Foreign Minister, Hossein Amir-Abdollahian, arrived on Monday.";
        assertThat(learnt(s, new Mention(0, 4, "IRN", Mention.Kind.NAME, false, false)).names())
                .containsEntry("Hossein Amir-Abdollahian", "IRN").containsEntry("Amir-Abdollahian", "IRN");
    }
}
