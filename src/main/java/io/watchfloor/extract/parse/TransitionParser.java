package io.watchfloor.extract.parse;

import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.parser.nndep.ArcStandard;
import edu.stanford.nlp.parser.nndep.Classifier;
import edu.stanford.nlp.parser.nndep.Configuration;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.parser.nndep.ParsingSystem;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TreeGraphNode;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DependencyParser.predict} of CoreNLP 4.5 (greedy arc-standard transitions over the English Universal
 * Dependencies model), giving the same structure in less time: the network's scores come from
 * {@link TransitionScorer}, and a state where only one transition is allowed (about a quarter of them: the stack holds
 * the root and one word) is not scored at all, since CoreNLP would take that transition whatever the scores.
 * The model's weights are CoreNLP's own, read from the loaded parser; {@link #of} is empty when this CoreNLP keeps
 * them elsewhere, and the caller then uses {@code predict}. Safe for concurrent use.
 */
final class TransitionParser {
    private final DependencyParser parser;
    private final ParsingSystem system;
    private final TransitionScorer scorer;
    private final List<String> transitions;
    private final Kind[] kinds;
    private final boolean[] rootLabel;

    private enum Kind { LEFT, RIGHT, SHIFT }

    private TransitionParser(DependencyParser parser, ParsingSystem system, List<String> transitions,
                             TransitionScorer scorer) {
        this.parser = parser;
        this.system = system;
        this.transitions = List.copyOf(transitions);
        this.scorer = scorer;
        this.kinds = new Kind[transitions.size()];
        this.rootLabel = new boolean[transitions.size()];
        // ArcStandard's transitions: L(label) for every label, R(label) for every label, S; the root label comes first.
        String root = label(transitions.get(0));
        for (int t = 0; t < transitions.size(); t++) {
            String name = transitions.get(t);
            kinds[t] = name.startsWith("L(") ? Kind.LEFT : name.startsWith("R(") ? Kind.RIGHT : Kind.SHIFT;
            rootLabel[t] = kinds[t] != Kind.SHIFT && label(name).equals(root);
        }
    }

    /** The fast parser over {@code parser}'s model, or empty when this version of CoreNLP is not the one it knows. */
    static Optional<TransitionParser> of(DependencyParser parser) {
        try {
            Classifier classifier = (Classifier) field(DependencyParser.class, "classifier").get(parser);
            ParsingSystem system = (ParsingSystem) field(DependencyParser.class, "system").get(parser);
            @SuppressWarnings("unchecked")
            List<String> transitions = (List<String>) field(ParsingSystem.class, "transitions").get(system);
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> preMap = (Map<Integer, Integer>) field(Classifier.class, "preMap").get(classifier);
            double[][] saved = (double[][]) field(Classifier.class, "saved").get(classifier);
            Object language = field(DependencyParser.class, "language").get(parser);
            if (language != Language.UniversalEnglish || !(system instanceof ArcStandard)
                    || transitions.isEmpty()
                    || !transitions.get(transitions.size() - 1).equals("S")
                    || classifier.getW2().length != transitions.size()) {
                return Optional.empty();
            }
            return Optional.of(new TransitionParser(parser, system, transitions, new TransitionScorer(
                    FEATURES, classifier.getE(), classifier.getW1(), classifier.getb1(), classifier.getW2(), preMap,
                    saved)));
        } catch (ReflectiveOperationException | RuntimeException e) { // a field renamed, retyped or closed
            return Optional.empty();
        }
    }

    /** Features of a parser state: words, tags and labels around the top of the stack and the buffer. */
    private static final int FEATURES = 48;

    /** The basic dependencies of a tokenized and tagged sentence, as {@code DependencyParser.predict} gives them. */
    GrammaticalStructure parse(CoreMap sentence) {
        Configuration c = system.initialConfiguration(sentence);
        int n = transitions.size();
        boolean[] allowed = new boolean[n];
        while (c.getStackSize() > 1 || c.getBufferSize() > 0) {
            int count = 0;
            int only = -1;
            for (int t = 0; t < n; t++) {
                allowed[t] = allowed(t, c);
                if (allowed[t]) {
                    count++;
                    only = t;
                }
            }
            int best = only;
            if (count > 1) {
                // CoreNLP takes the first allowed transition with the highest score.
                double[] scores = scorer.scores(features(c));
                double top = Double.NEGATIVE_INFINITY;
                best = -1;
                for (int t = 0; t < n; t++) {
                    if (allowed[t] && scores[t] > top) {
                        top = scores[t];
                        best = t;
                    }
                }
            }
            if (best < 0) {
                return parser.predict(sentence); // no transition allowed: let CoreNLP decide what that means
            }
            system.apply(c, transitions.get(best));
        }
        return structure(sentence, c);
    }

    /** ArcStandard.canApply (single root) without parsing the transition's name each time. */
    private boolean allowed(int t, Configuration c) {
        int stack = c.getStackSize();
        int buffer = c.getBufferSize();
        if (kinds[t] == Kind.SHIFT) {
            return buffer > 0;
        }
        int head = kinds[t] == Kind.LEFT ? c.getStack(0) : c.getStack(1);
        if (head < 0 || (head == 0) != rootLabel[t]) {
            return false;
        }
        return kinds[t] == Kind.LEFT ? stack > 2 : stack > 2 || stack == 2 && buffer == 0;
    }

    private int[] features(Configuration c) {
        List<Integer> f = parser.getFeatures(c);
        int[] out = new int[f.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.get(i);
        }
        return out;
    }

    /** The end of {@code DependencyParser.predict}: the transitions' arcs as a Universal Dependencies structure. */
    private static GrammaticalStructure structure(CoreMap sentence, Configuration c) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        IndexedWord root = new IndexedWord(new Word("ROOT"));
        root.set(CoreAnnotations.IndexAnnotation.class, 0);
        List<TypedDependency> dependencies = new ArrayList<>(tokens.size());
        for (int i = 1; i <= tokens.size(); i++) {
            int head = c.getHead(i);
            String label = c.getLabel(i);
            IndexedWord word = new IndexedWord(tokens.get(i - 1));
            IndexedWord governor = head == 0 ? root : new IndexedWord(tokens.get(head - 1));
            dependencies.add(new TypedDependency(head == 0 ? GrammaticalRelation.ROOT : relation(label), governor,
                    word));
        }
        return new UniversalEnglishGrammaticalStructure(dependencies, new TreeGraphNode(root));
    }

    private static GrammaticalRelation relation(String label) {
        GrammaticalRelation known = UniversalEnglishGrammaticalRelations.shortNameToGRel.get(label);
        return known != null ? known : new GrammaticalRelation(Language.UniversalEnglish, label,
                null, GrammaticalRelation.DEPENDENT);
    }

    private static String label(String transition) {
        return transition.length() > 3 ? transition.substring(2, transition.length() - 1) : "";
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
