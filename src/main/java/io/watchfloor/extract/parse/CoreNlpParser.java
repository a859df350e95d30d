package io.watchfloor.extract.parse;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's tokenizer, tagger, lemmatizer and neural dependency parser (Universal Dependencies, enhanced
 * graph) on one sentence at a time. The models take a few seconds and about 300 MB to load: they are loaded once per
 * process, on a thread of their own from the first call of {@link #shared()}, and the first parse waits for them.
 * CoreNLP's annotators are safe to share between threads, so one instance serves every core.
 */
public final class CoreNlpParser implements SentenceParser {
    /** Longer "sentences" are lists, tables or run-ons that the splitter did not cut: not worth their parse time. */
    static final int MAX_WORDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpParser.class);
    private static volatile CoreNlpParser shared;

    private final CompletableFuture<StanfordCoreNLP> pipeline;

    private CoreNlpParser() {
        this.pipeline = CompletableFuture.supplyAsync(CoreNlpParser::load, runnable -> {
            Thread t = new Thread(runnable, "parser-models");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The process's parser; its models start loading on the first call. */
    public static CoreNlpParser shared() {
        CoreNlpParser p = shared;
        if (p == null) {
            synchronized (CoreNlpParser.class) {
                p = shared;
                if (p == null) {
                    p = new CoreNlpParser();
                    shared = p;
                }
            }
        }
        return p;
    }

    private static StanfordCoreNLP load() {
        long t0 = System.nanoTime();
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        p.setProperty("ssplit.isOneSentence", "true");
        p.setProperty("tokenize.language", "en");
        StanfordCoreNLP nlp = new StanfordCoreNLP(p);
        LOG.info("parser models loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return nlp;
    }

    /** Waits until the models are loaded (for start-up timing and benchmarks). */
    public void awaitModels() {
        pipeline.join();
    }

    @Override
    public Optional<ParsedSentence> parse(String sentence) {
        if (sentence.isBlank() || words(sentence) > MAX_WORDS) {
            return Optional.empty();
        }
        Annotation doc = new Annotation(sentence);
        try {
            pipeline.join().annotate(doc);
        } catch (IllegalStateException e) {
            return Optional.empty(); // no words the tokenizer keeps
        }
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null || sentences.isEmpty()) {
            return Optional.empty();
        }
        CoreMap s = sentences.get(0);
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        SemanticGraph graph = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        if (labels == null || labels.isEmpty() || graph == null) {
            return Optional.empty();
        }
        List<Token> tokens = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel l = labels.get(i);
            String word = l.originalText() != null ? l.originalText() : l.word();
            String lemma = l.lemma() != null ? l.lemma().toLowerCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT);
            tokens.add(new Token(i, word, lemma, l.tag(), l.beginPosition(), l.endPosition()));
        }
        List<Arc> arcs = new ArrayList<>(labels.size() + 4);
        for (var root : graph.getRoots()) {
            arcs.add(new Arc(-1, root.index() - 1, "root"));
        }
        for (SemanticGraphEdge e : graph.edgeIterable()) {
            arcs.add(new Arc(e.getGovernor().index() - 1, e.getDependent().index() - 1,
                    e.getRelation().toString().toLowerCase(Locale.ROOT)));
        }
        return Optional.of(new ParsedSentence(sentence, tokens, arcs));
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
