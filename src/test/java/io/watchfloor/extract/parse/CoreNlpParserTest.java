package io.watchfloor.extract.parse;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parser gives what CoreNLP's own pipeline gives (tokenize, ssplit, pos, lemma, depparse: the enhanced++ graph),
 * word for word and arc for arc, on every sentence the extractor asks about in the corpus and seeds; on several threads
 * at once as on one; and from its cache as when parsed afresh.
 */
class CoreNlpParserTest {
    private static List<String> sentences;

    @BeforeAll
    static void candidates() {
        sentences = CandidateSentences.ofCorpus();
        assertThat(sentences).hasSizeGreaterThan(200);
    }

    /** What a parse says: the words with their lemmas, tags and offsets, and every arc in CoreNLP's order. */
    private static String reading(Optional<ParsedSentence> p) {
        return p.map(s -> s.tokens() + "\n" + s.arcs()).orElse("(not parsed)");
    }

    @Test
    void parsesAsCoreNlpsOwnPipelineDoes() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        p.setProperty("ssplit.isOneSentence", "true");
        p.setProperty("tokenize.language", "en");
        StanfordCoreNLP stock = new StanfordCoreNLP(p);
        CoreNlpParser parser = new CoreNlpParser(0);
        assertThat(parser.fast()).as("CoreNLP 4.5's weights are read: the fast transition scorer is in use").isTrue();
        List<String> different = new ArrayList<>();
        for (String s : sentences) {
            Annotation doc = new Annotation(s);
            stock.annotate(doc);
            CoreMap sentence = doc.get(CoreAnnotations.SentencesAnnotation.class).get(0);
            ParsedSentence expected = CoreNlpParser.of(s, sentence.get(CoreAnnotations.TokensAnnotation.class),
                    sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class));
            if (!reading(Optional.of(expected)).equals(reading(parser.parse(s)))) {
                different.add(s);
            }
        }
        assertThat(different).as("sentences parsed otherwise than by CoreNLP's pipeline").isEmpty();
        assertThat(parser.stats().parsed()).isEqualTo(sentences.size());
    }

    @Test
    void fourThreadsParseAsOneDoes() throws Exception {
        CoreNlpParser parser = new CoreNlpParser(0);
        List<String> alone = sentences.stream().map(s -> reading(parser.parse(s))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                // Each thread in its own order, so that different sentences are parsed at the same moment.
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < sentences.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(t));
                runs.add(pool.submit(() -> {
                    String[] out = new String[sentences.size()];
                    for (int i : order) {
                        out[i] = reading(parser.parse(sentences.get(i)));
                    }
                    return List.of(out);
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(parser.stats().parsed()).isEqualTo(5L * sentences.size());
        assertThat(parser.stats().cached()).isZero();
    }

    @Test
    void aSentenceSeenAgainComesFromTheCacheAsItWasParsed() {
        CoreNlpParser fresh = new CoreNlpParser(0);
        CoreNlpParser parser = new CoreNlpParser(16);
        String s = "Iran launched missile strikes on militant camps inside Pakistan on Tuesday, officials said.";
        String other = s.replace("Tuesday", "Monday");
        Optional<ParsedSentence> first = parser.parse(s);
        Optional<ParsedSentence> again = parser.parse(s);
        assertThat(parser.stats().parsed()).isEqualTo(1);
        assertThat(parser.stats().cached()).isEqualTo(1);
        assertThat(reading(again)).isEqualTo(reading(first)).isEqualTo(reading(fresh.parse(s)));
        // One word changed is another sentence: parsed, not taken from the cache.
        assertThat(reading(parser.parse(other))).contains("Monday").isEqualTo(reading(fresh.parse(other)));
        assertThat(parser.stats().parsed()).isEqualTo(2);
    }

    @Test
    void tooLongOrEmptySentencesAreNotParsed() {
        CoreNlpParser parser = new CoreNlpParser(16);
        assertThat(parser.parse("  ")).isEmpty();
        assertThat(parser.parse("word ".repeat(CoreNlpParser.MAX_WORDS + 1))).isEmpty();
        assertThat(parser.stats().parsed()).isZero();
    }
}
