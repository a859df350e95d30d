package io.watchfloor.extract.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sentence with its words and dependencies: the enhanced graph, in which a word may have several heads (the
 * subject of "prompting Pakistan to retaliate" is Pakistan for both verbs, a coordinated subject is the subject of
 * each verb). Immutable.
 */
public final class ParsedSentence {
    private final String text;
    private final List<Token> tokens;
    private final List<Arc> arcs;
    private final List<List<Arc>> out;
    private final List<List<Arc>> in;

    public ParsedSentence(String text, List<Token> tokens, List<Arc> arcs) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.arcs = List.copyOf(arcs);
        List<List<Arc>> o = new ArrayList<>(tokens.size());
        List<List<Arc>> i = new ArrayList<>(tokens.size());
        for (int k = 0; k < tokens.size(); k++) {
            o.add(new ArrayList<>(2));
            i.add(new ArrayList<>(1));
        }
        for (Arc a : this.arcs) {
            if (a.head() >= 0) {
                o.get(a.head()).add(a);
            }
            i.get(a.dependent()).add(a);
        }
        o.replaceAll(Collections::unmodifiableList);
        i.replaceAll(Collections::unmodifiableList);
        this.out = Collections.unmodifiableList(o);
        this.in = Collections.unmodifiableList(i);
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Token token(int index) {
        return tokens.get(index);
    }

    public int size() {
        return tokens.size();
    }

    public List<Arc> arcs() {
        return arcs;
    }

    /** The dependencies that {@code index} governs. */
    public List<Arc> dependents(int index) {
        return out.get(index);
    }

    /** The dependencies that govern {@code index} (the root has one with head -1). */
    public List<Arc> heads(int index) {
        return in.get(index);
    }

    /**
     * The tokens that lie within the chars [begin, end) of the text, in order; a token counts when it overlaps the
     * span ("Pakistan's" may be one token or two).
     */
    public List<Token> tokensIn(int begin, int end) {
        List<Token> found = new ArrayList<>(2);
        for (Token t : tokens) {
            if (t.begin() < end && begin < t.end()) {
                found.add(t);
            }
        }
        return found;
    }

    /**
     * The syntactic head of the words in [begin, end): the one whose heads all lie outside the span ("missile
     * attacks" is "attacks"); the last word when the span's words are not connected. -1 when no word is there.
     */
    public int headOf(int begin, int end) {
        List<Token> span = tokensIn(begin, end);
        if (span.isEmpty()) {
            return -1;
        }
        int first = span.get(0).index();
        int last = span.get(span.size() - 1).index();
        for (Token t : span) {
            boolean outside = true;
            for (Arc a : in.get(t.index())) {
                if (a.head() >= first && a.head() <= last && !a.relation().startsWith("conj")) {
                    outside = false;
                    break;
                }
            }
            if (outside) {
                return t.index();
            }
        }
        return last;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Arc a : arcs) {
            b.append(a.relation()).append('(')
                    .append(a.head() < 0 ? "ROOT" : tokens.get(a.head()).word()).append('-').append(a.head() + 1)
                    .append(", ").append(tokens.get(a.dependent()).word()).append('-').append(a.dependent() + 1)
                    .append(")\n");
        }
        return b.toString();
    }
}
