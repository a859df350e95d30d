package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocativeBeforeTest {
    /** The rule as a regular expression: the word-by-word check must agree with it everywhere. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:(?:^|\\s)(?:in|inside|into|on|onto|against|at|over|across|targeting|targeted|toward|towards|near|to"
            + "|around)|(?:border|boundary|frontier|borders)\\s+with)"
            + "\\s+(?:(?!(?:what|which|who|whom|that|where|when)\\s)[a-z][\\p{L}-]*\\s+){0,3}$");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'launched missile attacks on militant bases in southwestern '|true",
        "'prompting Pakistan to retaliate with strikes inside '|true",
        "'shared a long border with '|true",
        "'along its cross-border with the '|true",
        "'in what '|false",
        "'in a move that '|false",
        "'the foreign minister of '|false",
        "'met his '|false",
        "'in one two three four '|false",
        "'in one two three '|true",
        "'Iran '|false",
    })
    void placesAMentionAfterAPrepositionOfPlace(String before, boolean place) {
        assertThat(LocativeBefore.test(before)).isEqualTo(place);
        assertThat(REFERENCE.matcher(before).find()).isEqualTo(place);
    }

    @Test
    void agreesWithTheReferencePatternBeforeEveryWordOfTheCorpus() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String text = Files.readString(f);
                for (int i = 1; i < text.length(); i++) {
                    if (text.charAt(i - 1) == ' ' && Character.isLetter(text.charAt(i))) {
                        String before = text.substring(Math.max(0, i - 60), i);
                        assertThat(LocativeBefore.test(before)).as("%s at %d: '%s'", f, i, before)
                                .isEqualTo(REFERENCE.matcher(before).find());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
