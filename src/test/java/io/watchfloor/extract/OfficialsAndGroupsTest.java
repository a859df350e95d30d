package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups counted under the territory they govern, and officials named by a title alone. */
class OfficialsAndGroupsTest {
    private static final SignalExtractor EXTRACTOR =
            SignalExtractor.load(ActorCatalog.loadDefault(), Path.of("rules", "lexicon"));

    private static List<String> signals(String title, String body) {
        Article a = new Article("t.txt", title, body, LocalDate.of(2024, 3, 10), null, null);
        return EXTRACTOR.extract(a).stream().map(OfficialsAndGroupsTest::key).toList();
    }

    private static String key(Signal s) {
        return s.type() + " " + s.actor() + ">" + s.target() + (s.planned() ? " planned" : "");
    }

    @Test
    void aGroupThatGovernsATerritoryActsAsIt() {
        assertThat(signals("Truce", "Israel and Hamas agreed to a ceasefire on Friday."))
                .contains("CEASEFIRE ISR>PSE");
    }

    @Test
    void aGroupIsATargetNotAPlace() {
        assertThat(signals("Strike", "Israel carried out a strike on Hamas leaders in Doha on Friday."))
                .contains("STRIKE ISR>QAT").doesNotContain("STRIKE ISR>PSE");
    }

    @Test
    void guerrillasNamedByTheirCountrysAdjectiveAreTargetedThere() {
        // Before, the adjective was dropped and the strike went to the border's country.
        assertThat(signals("Border", "Vietnamese forces fired rockets at Kampuchean guerrilla camps near the Thai border on "
                + "Friday.")).contains("STRIKE VNM>KHM").doesNotContain("STRIKE VNM>THA");
    }

    @Test
    void anOfficialNamedByTitleAloneIsOfTheOtherCountryOfThePair() {
        assertThat(signals("Visit", "Chinese Foreign Minister Wang Yi met Prime Minister Narendra Modi in New Delhi "
                + "on Friday. China and India pledged to keep the border calm. Modi will travel to Tianjin on "
                + "March 31."))
                .contains("VISIT IND>CHN planned");
    }

    @Test
    void anOfficialNamedByTitleAloneStaysUnknownWithoutAPair() {
        // A name the catalogue does not know (written for this test).
        assertThat(signals("Visit", "Prime Minister Arvel Tonnaquist spoke on Friday. Tonnaquist will travel to "
                + "Tianjin on March 31.")).noneMatch(s -> s.startsWith("VISIT"));
    }
}
