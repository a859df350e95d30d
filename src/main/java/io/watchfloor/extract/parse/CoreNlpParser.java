package io.watchfloor.extract.parse;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's tokenizer, tagger, lemmatizer and neural dependency parser (Universal Dependencies, enhanced++
 * graph) on one sentence at a time. The models take several seconds and about 350 MB of heap to load: they are loaded
 * once per process, on threads of their own, from the first call of {@link #shared()} or, for the process's parser
 * from {@link #sharedOnDemand()}, from {@link #loadInBackground()} or the first parse; the first parse waits for
 * them. One instance serves every core: CoreNLP's tokenizer, tagger and lemmatizer keep no state between sentences,
 * and the dependencies come from {@link TransitionParser}, which gives CoreNLP's parse faster and only the enhanced++
 * graph that is read (CoreNLP's annotator builds five). Recent parses are kept by sentence text.
 */
public final class CoreNlpParser implements SentenceParser {
    /** Longer "sentences" are lists, tables or run-ons that the splitter did not cut: not worth their parse time. */
    static final int MAX_WORDS = 120;
    /** Recent parses kept: about 5 KB each. */
    static final int CACHE_SENTENCES = 4096;
    /** The annotators that run before the dependency parser, as CoreNLP's pipeline runs them. */
    static final String TAGGING = "tokenize,ssplit,pos,lemma";
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpParser.class);
    /** Parse time is counted in CPU time: on a busy machine the wall time also counts other threads' turns. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile CoreNlpParser shared;
    private static CompletableFuture<Models> models;

    /** The models once this parser has asked for them (null before: nothing loads until then). */
    private volatile CompletableFuture<Models> loaded;
    private final ParseCache cache;
    private final LongAdder parsed = new LongAdder();
    private final LongAdder cached = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    /** A parser whose models load only when asked for. */
    private CoreNlpParser(ParseCache cache) {
        this.cache = cache;
    }

    /** @param cacheSentences recent parses to keep (0: none) */
    CoreNlpParser(int cacheSentences) {
        this.cache = new ParseCache(cacheSentences);
        loadInBackground();
    }

    /** The process's parser; its models start loading now, in the background, if they have not yet. */
    public static CoreNlpParser shared() {
        CoreNlpParser p = sharedOnDemand();
        p.loadInBackground();
        return p;
    }

    /**
     * The process's parser, its models not loaded before {@link #loadInBackground()} or the first parse: the daemon
     * loads them once it is ready (on two cores, loading them meanwhile would slow its start by seconds).
     */
    public static CoreNlpParser sharedOnDemand() {
        CoreNlpParser p = shared;
        if (p == null) {
            synchronized (CoreNlpParser.class) {
                p = shared;
                if (p == null) {
                    p = new CoreNlpParser(new ParseCache(CACHE_SENTENCES));
                    shared = p;
                }
            }
        }
        return p;
    }

    /**
     * The models, loaded once per process from the first call: the tagger and the dependency parser each on a daemon
     * thread of its own (on two cores, about half the wall time of one after the other).
     */
    private static synchronized CompletableFuture<Models> models() {
        if (models == null) {
            long t0 = System.nanoTime();
            models = load(Models::loadTagging, "parser-models-tagger").thenCombine(
                    load(Models::loadDependencies, "parser-models-dependencies"), (tagging, dependencies) -> {
                        Optional<TransitionParser> fast = TransitionParser.of(dependencies);
                        LOG.info("parser models loaded in {} ms{}", (System.nanoTime() - t0) / 1_000_000,
                                fast.isPresent() ? "" : " (with CoreNLP's own scoring: this CoreNLP is not 4.5)");
                        return new Models(tagging, dependencies, fast);
                    });
        }
        return models;
    }

    private static <T> CompletableFuture<T> load(Supplier<T> model, String thread) {
        return CompletableFuture.supplyAsync(model, runnable -> {
            Thread t = new Thread(runnable, thread);
            t.setDaemon(true);
            t.start();
        });
    }

    /** What the models read with: CoreNLP's pipeline up to the lemmas, and its dependency parser. */
    private record Models(StanfordCoreNLP tagging, DependencyParser dependencies, Optional<TransitionParser> fast) {
        static StanfordCoreNLP loadTagging() {
            Properties p = new Properties();
            p.setProperty("annotators", TAGGING);
            p.setProperty("ssplit.isOneSentence", "true");
            p.setProperty("tokenize.language", "en");
            return new StanfordCoreNLP(p);
        }

        static DependencyParser loadDependencies() {
            return DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, new Properties());
        }

        GrammaticalStructure dependencies(CoreMap sentence) {
            return fast.isPresent() ? fast.get().parse(sentence) : dependencies.predict(sentence);
        }
    }

    /** Starts loading the models on their own threads, if they are not loaded or loading already. */
    @Override
    public void loadInBackground() {
        if (loaded == null) {
            loaded = models(); // once per process: the same future for every caller
        }
    }

    /** The models, waited for; loading them first if nothing has asked for them yet. */
    private Models loaded() {
        loadInBackground();
        return loaded.join();
    }

    /** Waits until the models are loaded, loading them if need be (for start-up timing and benchmarks). */
    public void awaitModels() {
        loaded();
    }

    /** Whether the dependencies come from {@link TransitionParser} rather than CoreNLP's slower scoring. */
    boolean fast() {
        return loaded().fast().isPresent();
    }

    @Override
    public ParseStats stats() {
        return new ParseStats(parsed.sum(), cached.sum(), nanos.sum());
    }

    @Override
    public Optional<ParsedSentence> parse(String sentence) {
        if (sentence.isBlank() || words(sentence) > MAX_WORDS) {
            return Optional.empty();
        }
        ParsedSentence kept = cache.get(sentence);
        if (kept != null) {
            cached.increment();
            return Optional.of(kept);
        }
        Models m = loaded();
        long t0 = CPU.getCurrentThreadCpuTime();
        Annotation doc = new Annotation(sentence);
        try {
            m.tagging().annotate(doc);
        } catch (IllegalStateException e) {
            return Optional.empty(); // no words the tokenizer keeps
        }
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null || sentences.isEmpty()) {
            return Optional.empty();
        }
        CoreMap s = sentences.get(0);
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        if (labels == null || labels.isEmpty()) {
            return Optional.empty();
        }
        SemanticGraph graph = SemanticGraphFactory.makeFromTree(m.dependencies(s),
                SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS, GrammaticalStructure.Extras.NONE, null);
        ParsedSentence parse = of(sentence, labels, graph);
        nanos.add(CPU.getCurrentThreadCpuTime() - t0);
        parsed.increment();
        cache.put(sentence, parse);
        return Optional.of(parse);
    }

    /** CoreNLP's tokens and graph as the extractor reads them. */
    static ParsedSentence of(String sentence, List<CoreLabel> labels, SemanticGraph graph) {
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
        return new ParsedSentence(sentence, tokens, arcs);
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
