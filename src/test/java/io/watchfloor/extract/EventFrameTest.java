package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.extract.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Frames built on parses written out by hand, for shapes the parser gives only now and then. */
class EventFrameTest {
    /** Tokens of {@code words} (word/lemma/tag), offsets as if joined by single spaces. */
    private static List<Token> tokens(String... words) {
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (String w : words) {
            String[] f = w.split("/");
            out.add(new Token(out.size(), f[0], f[1], f[2], at, at + f[0].length()));
            at += f[0].length() + 1;
        }
        return out;
    }

    @Test
    void aRelativeClauseOnAnEventNounNeitherCarriesItNorSetsItsMood() {
        // "The talks that had not been announced began in Muscat": the enhanced graph makes "talks" the subject of
        // "announced" too; "not" tells of the announcing, not of the talks.
        List<Token> t = tokens("The/the/DT", "talks/talk/NNS", "that/that/WDT", "had/have/VBD", "not/not/RB",
                "been/be/VBN", "announced/announce/VBN", "began/begin/VBD", "in/in/IN", "Muscat/Muscat/NNP");
        List<Arc> arcs = List.of(new Arc(-1, 7, "root"), new Arc(1, 0, "det"), new Arc(7, 1, "nsubj"),
                new Arc(1, 2, "ref"), new Arc(1, 6, "acl:relcl"), new Arc(6, 1, "nsubj:pass"),
                new Arc(6, 3, "aux"), new Arc(6, 4, "advmod"), new Arc(6, 5, "aux:pass"),
                new Arc(7, 9, "obl:in"), new Arc(9, 8, "case"));
        String text = "The talks that had not been announced began in Muscat";
        ParsedSentence p = new ParsedSentence(text, t, arcs);
        EventFrame f = EventFrame.of(p, 4, 9, "talks", Set.of("announce", "hold"));
        assertThat(f.nodes).containsExactly(1);
        assertThat(ParseMood.governors(p, 1)).doesNotContain(6);
    }
}
