package io.watchfloor.extract.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParseCacheTest {
    private static ParsedSentence parse(String text) {
        return new ParsedSentence(text, List.of(new Token(0, text, text, "NN", 0, text.length())),
                List.of(new Arc(-1, 0, "root")));
    }

    @Test
    void keepsTheSentencesUsedLastUpToItsCapacity() {
        ParseCache cache = new ParseCache(2);
        ParsedSentence a = parse("a");
        cache.put("a", a);
        cache.put("b", parse("b"));
        assertThat(cache.get("a")).isSameAs(a); // a is now the more recently used
        cache.put("c", parse("c"));
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isSameAs(a);
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aCacheOfNoSentencesKeepsNone() {
        ParseCache cache = new ParseCache(0);
        cache.put("a", parse("a"));
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theTextMustMatchExactly() {
        ParseCache cache = new ParseCache(4);
        cache.put("Iran struck Pakistan.", parse("x"));
        assertThat(cache.get("Iran struck Pakistan. ")).isNull();
        assertThat(cache.get("iran struck Pakistan.")).isNull();
    }
}
