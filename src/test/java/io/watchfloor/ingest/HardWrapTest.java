package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Wire copy kept at a fixed width is read back as whole sentences; other line layouts are left as they are. */
class HardWrapTest {
    private final ArticleParser parser = new ArticleParser();

    private List<String> paragraphs(String text) {
        ParseResult r = parser.parse("t.txt", text, LocalDate.of(2024, 5, 2), ArticleMeta.NONE);
        assertThat(r.article()).as("%s", r.warnings()).isPresent();
        return Arrays.asList(r.article().get().body().split("\n\n"));
    }

    @Test
    void wrappedWireCopyIsReadAsWholeSentences() {
        String text = """
                Kenya shells border post after Somali mortar fire

                NAIROBI May 2 Kenya's army fired artillery at a
                Somali border post on Thursday in reply to mortar
                rounds that landed near Mandera, officials said, the
                third such exchange this month.
                Somalia's defence ministry called the Kenyan fire a
                violation of its territory and said Kenyan-
                backed militias had crossed the border overnight.
                Published: May 2, 2024
                """;
        assertThat(paragraphs(text)).containsExactly(
                "NAIROBI May 2 Kenya's army fired artillery at a Somali border post on Thursday in reply to mortar"
                        + " rounds that landed near Mandera, officials said, the third such exchange this month.",
                "Somalia's defence ministry called the Kenyan fire a violation of its territory and said"
                        + " Kenyan-backed militias had crossed the border overnight.");
    }

    @Test
    void oneParagraphPerLineStaysAsItIs() {
        String text = """
                Talks resume in Doha

                Negotiators from both sides met again on Thursday in Doha for a second round of talks on the exchange of detainees held since the spring
                The mediators said the talks would continue through the weekend and that both delegations had agreed on an agenda for the next round
                A statement is expected on Sunday after the final session, according to officials who spoke on condition of anonymity
                """;
        assertThat(paragraphs(text)).hasSize(3);
    }

    @Test
    void headingsAndBulletsAreNotJoined() {
        String text = """
                What we know so far

                Key points
                - Border crossings closed on both sides
                - Ambassadors recalled for consultations
                Flights suspended
                Markets fall sharply in early trading across the region
                """;
        assertThat(paragraphs(text)).containsExactly("Key points", "- Border crossings closed on both sides",
                "- Ambassadors recalled for consultations", "Flights suspended",
                "Markets fall sharply in early trading across the region");
    }

    @Test
    void theTitleAndDateLinesStandAlone() {
        String[] lines = {"Kenya shells border post after Somali mortar fire in the north",
                "Kenya's army fired artillery at a Somali border post on",
                "Thursday in reply to mortar rounds that landed near the",
                "Published: May 2, 2024",
                "town of Mandera, officials said on Thursday evening."};
        String[] out = HardWrap.unwrap(lines, l -> l.startsWith("Published:"));
        assertThat(Arrays.stream(out).filter(Objects::nonNull).toList()).containsExactly(
                "Kenya shells border post after Somali mortar fire in the north",
                "Kenya's army fired artillery at a Somali border post on Thursday in reply to mortar rounds that"
                        + " landed near the",
                "Published: May 2, 2024",
                "town of Mandera, officials said on Thursday evening.");
    }
}
