package io.watchfloor.extract.parse;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The project's transition parser against CoreNLP's own {@code DependencyParser.predict}, on the same tagged sentences
 * (every sentence the extractor asks about in the corpus and seeds): the same arcs, with the same labels, for every
 * word.
 */
class TransitionParserTest {

    @Test
    void givesTheArcsOfCoreNlpsPredict() {
        List<String> sentences = CandidateSentences.ofCorpus();
        assertThat(sentences).hasSizeGreaterThan(200);
        Properties p = new Properties();
        p.setProperty("annotators", CoreNlpParser.TAGGING);
        p.setProperty("ssplit.isOneSentence", "true");
        p.setProperty("tokenize.language", "en");
        StanfordCoreNLP tagging = new StanfordCoreNLP(p);
        DependencyParser stock = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, new Properties());
        TransitionParser fast = TransitionParser.of(stock).orElseThrow();

        List<String> different = new ArrayList<>();
        int arcs = 0;
        for (String s : sentences) {
            Annotation doc = new Annotation(s);
            tagging.annotate(doc);
            CoreMap sentence = doc.get(CoreAnnotations.SentencesAnnotation.class).get(0);
            List<String> expected = arcs(stock.predict(sentence));
            List<String> actual = arcs(fast.parse(sentence));
            arcs += expected.size();
            if (!actual.equals(expected)) {
                different.add(s + "\n  predict: " + expected + "\n  ours:    " + actual);
            }
        }
        assertThat(different).as("sentences whose arcs differ from predict's").isEmpty();
        assertThat(arcs).as("arcs compared").isGreaterThan(sentences.size() * 5);
    }

    /** Every arc as governor index, label, dependent index, in word order. */
    private static List<String> arcs(GrammaticalStructure g) {
        return g.typedDependencies().stream()
                .map(d -> d.gov().index() + " " + d.reln().getShortName() + " " + d.dep().index())
                .toList();
    }
}
