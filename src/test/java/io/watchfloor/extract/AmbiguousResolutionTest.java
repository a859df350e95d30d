package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ambiguous forms ("Congo", "the North") resolved from the other forms their article uses. */
class AmbiguousResolutionTest {
    private static final SignalExtractor EXTRACTOR =
            SignalExtractor.load(ActorCatalog.loadDefault(), Path.of("rules", "lexicon"));

    private static List<String> signals(String title, String body) {
        Article a = new Article("t.txt", title, body, LocalDate.of(2024, 3, 10), null, null);
        return EXTRACTOR.extract(a).stream().map(AmbiguousResolutionTest::key).toList();
    }

    private static String key(Signal s) {
        return s.type() + " " + s.actor() + ">" + s.target();
    }

    @Test
    void congoIsTheCountryWhoseCapitalTheArticleNames() {
        assertThat(signals("Border row", "Congo expelled Angola's ambassador on Friday. Officials in Brazzaville "
                + "said the decision was final.")).contains("DIPLOMATIC_DOWNGRADE COG>AGO");
        assertThat(signals("Border row", "Congo expelled Angola's ambassador on Friday. Officials in Kinshasa "
                + "said the decision was final.")).contains("DIPLOMATIC_DOWNGRADE COD>AGO");
    }

    @Test
    void congoAloneIsTheDefaultCandidate() {
        assertThat(signals("Border row", "Congo expelled Angola's ambassador on Friday."))
                .contains("DIPLOMATIC_DOWNGRADE COD>AGO");
    }

    @Test
    void theNorthIsNorthKoreaOnlyInAnArticleAboutIt() {
        assertThat(signals("Shelling", "North Korea fired shells at South Korean islands on Friday. "
                + "The South shelled the North on Saturday.")).contains("STRIKE KOR>PRK");
        assertThat(signals("Fighting", "Israel and Lebanon traded fire on Friday. The South fired back at the "
                + "North on Friday.")).noneMatch(s -> s.contains("KOR") || s.contains("PRK"));
    }

    @Test
    void aFormNamedByTwoCandidatesStaysUnresolved() {
        assertThat(signals("Talks", "North Korea and South Korea held talks on Friday. Korean officials "
                + "expelled the Japanese ambassador.")).noneMatch(s -> s.startsWith("DIPLOMATIC_DOWNGRADE"));
    }

    @Test
    void aDefaultMustBeACandidateAndNeedsAKind() {
        String bad = "ambiguous:\n  - {form: Congo, candidates: [COD, COG], kind: name, default: AGO}\n";
        assertThatThrownBy(() -> ActorCatalog.load(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "x.yaml")).hasMessageContaining("default 'AGO' is not one of the candidates");
        String noKind = "ambiguous:\n  - {form: Congo, candidates: [COD, COG], default: COD}\n";
        assertThatThrownBy(() -> ActorCatalog.load(new ByteArrayInputStream(noKind.getBytes(StandardCharsets.UTF_8)),
                "x.yaml")).hasMessageContaining("a default needs a kind");
    }
}
