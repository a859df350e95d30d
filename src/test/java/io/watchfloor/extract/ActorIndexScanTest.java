package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped index walks its 44,000 names from word starts; the plain automaton over the same entries must find the
 * same occurrences (spans, phrases and entries) in every sentence of the project's corpus and seeds.
 */
class ActorIndexScanTest {

    @Test
    void walkingFromWordStartsFindsWhatTheAutomatonFinds() throws IOException {
        ActorCatalog catalog = ActorCatalog.loadDefault();
        ActorIndex walked = new ActorIndex(catalog, true);
        ActorIndex automaton = new ActorIndex(catalog, false);
        assertThat(walked.size()).isEqualTo(automaton.size()).isGreaterThan(40_000);
        List<String> sentences = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/corpus"), Path.of("seeds"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    SentenceSplitter.split("", Files.readString(f)).forEach(s -> sentences.add(s.text()));
                }
            }
        }
        // Text the sentence splitter never gives: runs of spaces, no-break spaces, curly apostrophes, ends of text.
        sentences.add("Mr\u00A0Putin  met  Xi   Jinping in Sistan\u2019s capital Zahedan");
        sentences.add("the Kremlin\n\nsaid al-Shabaab attacked Mogadishu");
        assertThat(sentences).hasSizeGreaterThan(1_000);
        int hits = 0;
        for (String s : sentences) {
            List<String> expected = render(automaton.find(s));
            assertThat(render(walked.find(s))).as(s).isEqualTo(expected);
            hits += expected.size();
        }
        assertThat(hits).isGreaterThan(2_000);
    }

    private static List<String> render(List<PhraseMatch<Object>> ms) {
        return ms.stream().map(m -> m.start() + "-" + m.end() + " " + m.phrase() + " " + m.payload()).toList();
    }
}
