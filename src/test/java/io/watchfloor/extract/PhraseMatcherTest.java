package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhraseMatcherTest {

    /** Both ways to scan (the automaton, the walk from word starts): every test holds for each. */
    private static final boolean[] WAYS = {false, true};

    private static <T> PhraseMatcher.Builder<T> builder(boolean fromWordStarts) {
        PhraseMatcher.Builder<T> b = PhraseMatcher.builder();
        return fromWordStarts ? b.fromWordStarts() : b;
    }

    private static PhraseMatcher<String> countries(boolean fromWordStarts) {
        return PhraseMatcherTest.<String>builder(fromWordStarts)
                .add("Pakistan", "PAK")
                .add("Iran", "IRN")
                .add("India", "IND")
                .add("New Delhi", "IND")
                .add("Delhi", "IND-CITY")
                .add("Türkiye", "TUR")
                .add("Côte d'Ivoire", "CIV")
                .add("air strike", "STRIKE-AIR")
                .add("strike", "STRIKE")
                .build();
    }

    /** "start,end,phrase,payload" of each match, joined by ';'. */
    private static String render(List<? extends PhraseMatch<?>> ms) {
        StringBuilder sb = new StringBuilder();
        for (PhraseMatch<?> m : ms) {
            if (sb.length() > 0) sb.append(';');
            sb.append(m.start()).append(',').append(m.end()).append(',').append(m.phrase()).append(',').append(m.payload());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Pakistan                         | 0,8,Pakistan,PAK
            Pakistan's army                  | 0,8,Pakistan,PAK
            Pakistan’s army                  | 0,8,Pakistan,PAK
            Pakistani troops                 |
            the Pakistan-Iran border         | 4,12,Pakistan,PAK;13,17,Iran,IRN
            pro-Pakistan groups              | 4,12,Pakistan,PAK
            (Pakistan)                       | 1,9,Pakistan,PAK
            Pakistan.                        | 0,8,Pakistan,PAK
            Pakistan2                        |
            XPakistan                        |
            2Pakistan                        |
            PAKISTAN and pakistan            | 0,8,Pakistan,PAK;13,21,Pakistan,PAK
            Iranian and Indian               |
            Iran, India                      | 0,4,Iran,IRN;6,11,India,IND
            Indiana                          |
            """)
    void wordBoundaries(String text, String expected) {
        for (boolean way : WAYS) {
            assertThat(render(countries(way).findAll(text))).isEqualTo(orEmpty(expected));
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            an air strike and a strike    | 3,13,air strike,STRIKE-AIR;20,26,strike,STRIKE
            in New Delhi and Delhi        | 3,12,New Delhi,IND;17,22,Delhi,IND-CITY
            airstrike                     |
            air strikes                   |
            AIR STRIKE                    | 0,10,air strike,STRIKE-AIR
            """)
    void longestMatchWins(String text, String expected) {
        for (boolean way : WAYS) {
            assertThat(render(countries(way).findLongest(text))).isEqualTo(orEmpty(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findAllReturnsOverlapsSortedByStartThenLongerFirst(boolean way) {
        assertThat(render(countries(way).findAll("an air strike in New Delhi")))
                .isEqualTo("3,13,air strike,STRIKE-AIR;7,13,strike,STRIKE;17,26,New Delhi,IND;21,26,Delhi,IND-CITY");

        PhraseMatcher<Integer> m = PhraseMatcherTest.<Integer>builder(way)
                .add("b c", 2).add("a b", 1).add("a b c", 3).add("c", 4).build();
        assertThat(render(m.findAll("a b c"))).isEqualTo("0,5,a b c,3;0,3,a b,1;2,5,b c,2;4,5,c,4");
        assertThat(render(m.findLongest("a b c"))).isEqualTo("0,5,a b c,3");
        assertThat(render(m.findLongest("a b c c"))).isEqualTo("0,5,a b c,3;6,7,c,4");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void samePhraseWithSeveralPayloadsGivesOneMatchEach(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way)
                .add("Georgia", "GEO").add("Georgia", "US-GA").add("georgia", "lower").build();
        assertThat(m.size()).isEqualTo(3);
        assertThat(render(m.findAll("in Georgia.")))
                .isEqualTo("3,10,Georgia,GEO;3,10,Georgia,US-GA;3,10,georgia,lower");
        assertThat(render(m.findLongest("in Georgia.")))
                .isEqualTo("3,10,Georgia,GEO;3,10,Georgia,US-GA;3,10,georgia,lower");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Ankara, Türkiye's capital                 | 8,15,Türkiye,TUR
            TÜRKIYE                                   | 0,7,Türkiye,TUR
            türkiye                                   | 0,7,Türkiye,TUR
            Türkiyeli                                 |
            é Türkiye                                 | 2,9,Türkiye,TUR
            🇹🇷 Türkiye                               | 5,12,Türkiye,TUR
            🇹🇷Türkiye                                | 4,11,Türkiye,TUR
            ÉtéTürkiye                                |
            in Côte d'Ivoire                          | 3,16,Côte d'Ivoire,CIV
            in Côte d’Ivoire                          | 3,16,Côte d'Ivoire,CIV
            in CÔTE D'IVOIRE.                         | 3,16,Côte d'Ivoire,CIV
            in Cote d'Ivoire                          |
            """)
    void caseInsensitiveOffsetsWithNonAsciiText(String text, String expected) {
        for (boolean way : WAYS) {
            List<PhraseMatch<String>> ms = countries(way).findAll(text);
            assertThat(render(ms)).isEqualTo(orEmpty(expected));
            for (PhraseMatch<String> m : ms) {
                assertThat(text.substring(m.start(), m.end()).toLowerCase(java.util.Locale.ROOT).replace('’', '\''))
                        .isEqualTo(m.phrase().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void combiningMarkAfterAPhraseIsNotABoundary(boolean way) {
        // "Cote" followed by U+0302 (decomposed ô) is not the word "Cote"
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).add("Cote", "x").build();
        assertThat(m.findAll("Co\u0302te")).isEmpty();
        assertThat(m.findAll("Cote\u0301")).isEmpty();
        assertThat(m.findAll("Cote!")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dottedCapitalIIsFoldedCharByChar(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).add("istanbul", "x").build();
        assertThat(render(m.findAll("in İSTANBUL today"))).isEqualTo("3,11,istanbul,x");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void caseSensitiveWhenAsked(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).caseSensitive(true)
                .add("US", "USA").add("Xi’an", "CITY").build();
        assertThat(render(m.findAll("US troops"))).isEqualTo("0,2,US,USA");
        assertThat(m.findAll("let us go")).isEmpty();
        // whitespace and apostrophes are still folded when case-sensitive
        assertThat(render(m.findAll("in Xi'an"))).isEqualTo("3,8,Xi’an,CITY");
        assertThat(m.findAll("in XI'AN")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "an air strike"              | 3 | 13
            "an air  strike"             | 3 | 14
            "an air\\nstrike"            | 3 | 13
            "an air \\t\\n  strike"      | 3 | 17
            "an air\\u00A0strike"        | 3 | 13
            "an air\\u202Fstrike"        | 3 | 13
            "an\\nair\\r\\nstrike."      | 3 | 14
            """)
    void whitespaceRunsMatchASingleSpace(String escaped, int start, int end) {
        String text = unescape(escaped);
        for (boolean way : WAYS) {
            PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).add("  air   strike ", "S").build();
            List<PhraseMatch<String>> ms = m.findLongest(text);
            assertThat(ms).hasSize(1);
            assertThat(ms.get(0).start()).isEqualTo(start);
            assertThat(ms.get(0).end()).isEqualTo(end);
            assertThat(ms.get(0).phrase()).isEqualTo("  air   strike ");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whitespaceIsNotOptional(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).add("air strike", "S").build();
        assertThat(m.findAll("airstrike")).isEmpty();
        assertThat(m.findAll("air-strike")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void curlyApostrophesMatchStraightOnesBothWays(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way)
                .add("Xi’an", "curly").add("Ras al-Khaimah's", "straight").build();
        assertThat(render(m.findAll("Xi'an and Xi’an"))).isEqualTo("0,5,Xi’an,curly;10,15,Xi’an,curly");
        assertThat(render(m.findAll("Ras al-Khaimah’s port"))).isEqualTo("0,16,Ras al-Khaimah's,straight");
    }

    @Test
    void emptyAndBlankInputs() {
        for (boolean way : WAYS) {
            PhraseMatcher<String> empty = PhraseMatcherTest.<String>builder(way).build();
            assertThat(empty.size()).isZero();
            assertThat(empty.findAll("anything")).isEmpty();
            assertThat(countries(way).findAll("")).isEmpty();
            assertThat(countries(way).findLongest("   ")).isEmpty();
        }
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("  ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add(null, "x"))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nullPayloadsAreAllowed(boolean way) {
        PhraseMatcher<String> m = PhraseMatcherTest.<String>builder(way).add("Iran", null).build();
        assertThat(m.findAll("Iran")).singleElement().extracting(PhraseMatch::payload).isNull();
    }

    @Test
    void worksOnAnyCharSequence() {
        for (boolean way : WAYS) {
            assertThat(render(countries(way).findAll(new StringBuilder("to Iran")))).isEqualTo("3,7,Iran,IRN");
        }
    }

    // ------------------------------------------------------------------ property test against a naive matcher

    private static final String WORD_CHARS = "abcÄ";
    private static final String[] SEPARATORS = {" ", "  ", "\n", " \t ", "'", "’", "-", ", ", ".", "\u00A0"};

    private static String randomPhrase(Random r) {
        int words = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) sb.append(r.nextInt(5) == 0 ? "'" : r.nextInt(6) == 0 ? "’" : " ");
            int len = 1 + r.nextInt(4);
            for (int i = 0; i < len; i++) {
                char c = WORD_CHARS.charAt(r.nextInt(WORD_CHARS.length()));
                sb.append(r.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return sb.toString();
    }

    private static String randomText(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) sb.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            int len = 1 + r.nextInt(5);
            for (int i = 0; i < len; i++) {
                char c = WORD_CHARS.charAt(r.nextInt(WORD_CHARS.length()));
                sb.append(r.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return sb.toString();
    }

    private static char naiveFold(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return ' ';
        if (c == '’') return '\'';
        return Character.toLowerCase(c);
    }

    private record Naive(int start, int end, int entry) {}

    /** Tries every phrase at every position: quadratic, obviously right. */
    private static List<Naive> naiveFindAll(List<String> phrases, String text) {
        List<Naive> out = new ArrayList<>();
        for (int e = 0; e < phrases.size(); e++) {
            String p = phrases.get(e).trim();
            for (int s = 0; s < text.length(); s++) {
                int t = s;
                int i = 0;
                boolean ok = true;
                while (i < p.length()) {
                    char pc = naiveFold(p.charAt(i));
                    if (pc == ' ') {
                        while (i < p.length() && naiveFold(p.charAt(i)) == ' ') i++;
                        if (t >= text.length() || naiveFold(text.charAt(t)) != ' ') { ok = false; break; }
                        while (t < text.length() && naiveFold(text.charAt(t)) == ' ') t++;
                    } else {
                        if (t >= text.length() || naiveFold(text.charAt(t)) != pc) { ok = false; break; }
                        i++;
                        t++;
                    }
                }
                if (!ok) continue;
                boolean before = s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1));
                boolean after = t == text.length() || !Character.isLetterOrDigit(text.charAt(t));
                if (before && after) out.add(new Naive(s, t, e));
            }
        }
        out.sort(Comparator.comparingInt(Naive::start).thenComparing(Comparator.comparingInt(Naive::end).reversed())
                .thenComparingInt(Naive::entry));
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twentyThousandRandomPhrasesAgreeWithANaiveMatcher(boolean way) {
        Random r = new Random(20240116L);
        List<String> phrases = new ArrayList<>();
        PhraseMatcher.Builder<Integer> b = builder(way);
        for (int i = 0; i < 20_000; i++) {
            String p = randomPhrase(r);
            phrases.add(p);
            b.add(p, i);
        }
        long t0 = System.nanoTime();
        PhraseMatcher<Integer> m = b.build();
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(buildMs).as("build time of 20,000 phrases").isLessThan(3_000);
        assertThat(m.size()).isEqualTo(20_000);

        for (int round = 0; round < 30; round++) {
            String text = randomText(r, 5 + r.nextInt(40));
            List<Naive> expected = naiveFindAll(phrases, text);
            List<PhraseMatch<Integer>> all = m.findAll(text);
            assertThat(all).as(text).hasSize(expected.size());
            assertThat(m.occursIn(text)).as(text).isEqualTo(!expected.isEmpty());
            for (int i = 0; i < expected.size(); i++) {
                Naive n = expected.get(i);
                PhraseMatch<Integer> a = all.get(i);
                assertThat(List.of(a.start(), a.end(), a.payload())).as(text)
                        .isEqualTo(List.of(n.start(), n.end(), n.entry()));
                assertThat(a.phrase()).isEqualTo(phrases.get(n.entry()));
            }
            // leftmost-longest from the naive list
            List<Naive> longest = new ArrayList<>();
            int cursor = 0;
            for (int i = 0; i < expected.size(); i++) {
                Naive n = expected.get(i);
                if (n.start() < cursor) continue;
                int j = i;
                while (j < expected.size() && expected.get(j).start() == n.start() && expected.get(j).end() == n.end()) {
                    longest.add(expected.get(j++));
                }
                cursor = n.end();
                i = j - 1;
            }
            List<PhraseMatch<Integer>> got = m.findLongest(text);
            assertThat(got.stream().map(g -> List.of(g.start(), g.end(), g.payload())).toList()).as(text)
                    .isEqualTo(longest.stream().map(g -> List.of(g.start(), g.end(), g.entry())).toList());
        }
    }

    @Test
    void matchingIsFastOnLongText() {
        Random r = new Random(7L);
        PhraseMatcher.Builder<Integer> b = PhraseMatcher.builder();
        String[] vocab = new String[5000];
        for (int i = 0; i < vocab.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 3 + r.nextInt(8);
            for (int k = 0; k < len; k++) w.append((char) ('a' + r.nextInt(26)));
            vocab[i] = w.toString();
        }
        for (int i = 0; i < 20_000; i++) {
            b.add(vocab[r.nextInt(vocab.length)] + (r.nextBoolean() ? " " + vocab[r.nextInt(vocab.length)] : ""), i);
        }
        PhraseMatcher<Integer> m = b.build();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 4_000_000) {
            sb.append(vocab[r.nextInt(vocab.length)]).append(r.nextInt(10) == 0 ? ". " : " ");
        }
        String text = sb.toString();
        m.findAll(text.substring(0, 200_000)); // warm-up
        long t0 = System.nanoTime();
        int found = m.findAll(text).size();
        double secs = (System.nanoTime() - t0) / 1e9;
        assertThat(found).isPositive();
        // several MB/s is the target; the bound is loose so that a busy CI machine does not fail the build
        assertThat(secs).as("seconds to scan 4 MB").isLessThan(8.0);
        System.out.printf("PhraseMatcher: %.1f MB/s, %d matches%n", text.length() / secs / 1e6, found);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
