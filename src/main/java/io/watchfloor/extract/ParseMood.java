package io.watchfloor.extract;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.extract.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a trigger's event happened, read from the parse: the lexicon's modality cues count only where they bear on
 * the trigger. A cue bears on it when it is one of the verbs that govern the trigger ("refused to <u>meet</u>",
 * "<u>cancelled</u> a planned visit", "denied that it struck") or a word attached to the trigger or to those verbs
 * ("did <u>not</u> strike", "<u>would</u> return", "<u>if</u> Iran strikes", "a <u>planned</u> visit"). A cue in another
 * clause of the sentence ("India did not strike Pakistan and refused ...") does not.
 */
final class ParseMood {
    /** How a trigger hangs on the verb that governs it, for that verb's mood to carry over. */
    private static final Set<String> GOVERNED = Set.of("xcomp", "ccomp", "obj", "csubj", "nsubj:pass", "dep");
    /** Obliques and noun modifiers that carry a mood: "called <u>for</u> talks", "fears <u>of</u> war". */
    private static final Set<String> GOVERNED_OBLIQUE = Set.of("for", "of", "to");
    /** Words attached to a verb or noun that set its mood. */
    private static final Set<String> ATTACHED = Set.of("aux", "advmod", "det", "amod", "mark", "case", "cop",
            "compound", "obl:tmod", "nmod:tmod", "obl:npmod");
    /** Verbs that report what was said or agreed: "would" under them tells what is to come, not a condition. */
    private static final Set<String> REPORTING = Set.of("say", "agree", "announce", "decide", "confirm", "tell",
            "state", "report", "add", "declare", "promise", "pledge", "vow", "expect");
    private static final Set<String> CONDITIONS = Set.of("if", "unless");

    private ParseMood() {
    }

    /**
     * The mood of the trigger whose frame is {@code f}: NEGATION (denied, refused, cancelled: not a signal),
     * HYPOTHETICAL (conditional, proposed, feared), PLANNED (announced, to come), or null (it happened).
     */
    static Cue.Mood of(EventFrame f, List<PhraseMatch<Cue>> cues, boolean threat, boolean headline) {
        ParsedSentence p = f.parse;
        List<Integer> chain = governors(p, f.head);
        chain.addAll(f.nodes);
        Cue.Mood result = null;
        for (PhraseMatch<Cue> m : cues) {
            if (!(m.payload() instanceof Cue.Modality mod) || f.covers(m.start(), m.end()) || !bears(p, m, chain)) {
                continue;
            }
            switch (mod.mood()) {
                case NEGATION, BACKGROUND -> {
                    return mod.mood();
                }
                case HYPOTHETICAL -> {
                    if (threat) {
                        continue; // "threatened to strike if attacked" is a threat all the same
                    }
                    result = reported(p, m, chain) ? (result == null ? Cue.Mood.PLANNED : result)
                            : Cue.Mood.HYPOTHETICAL;
                }
                case PLANNED -> {
                    if (result == null) {
                        result = Cue.Mood.PLANNED;
                    }
                }
                default -> { }
            }
        }
        if (result == null && !threat && conditional(p, chain)) {
            result = Cue.Mood.HYPOTHETICAL;
        }
        if (result == null && headline && chain.size() == f.nodes.size() + 1 && infinitive(p, f.head)) {
            result = Cue.Mood.PLANNED; // headlinese: "Kishida to visit Seoul"
        }
        return result;
    }

    /** The trigger and the verbs that govern it, up to the clause that tells it. */
    static List<Integer> governors(ParsedSentence p, int head) {
        List<Integer> chain = new ArrayList<>();
        chain.add(head);
        int n = head;
        for (int guard = 0; guard < 8; guard++) {
            int up = -1;
            for (Arc a : p.heads(n)) {
                if (a.head() < 0 || chain.contains(a.head()) || relativeOf(p, n, a.head())) {
                    continue; // "talks that had not been announced": the relative clause tells of them only
                }
                // "acl" and its enhanced form with the marker ("desire to de-escalate": acl:to); not a relative clause
                boolean acl = a.base().equals("acl") && !a.relation().equals("acl:relcl");
                if (GOVERNED.contains(a.relation()) || GOVERNED.contains(a.base()) || acl
                        || (a.base().equals("obl") || a.base().equals("nmod"))
                        && GOVERNED_OBLIQUE.contains(a.subtype())) {
                    up = a.head();
                    break;
                }
            }
            if (up < 0) {
                break;
            }
            chain.add(up);
            n = up;
        }
        return chain;
    }

    /** Whether {@code verb} is a relative clause on {@code noun}, whose subject the noun is in the enhanced parse. */
    static boolean relativeOf(ParsedSentence p, int noun, int verb) {
        return p.dependents(noun).stream().anyMatch(a -> a.dependent() == verb && a.relation().equals("acl:relcl"));
    }

    /** Whether a cue's words are in the chain or attached to it. */
    private static boolean bears(ParsedSentence p, PhraseMatch<Cue> cue, List<Integer> chain) {
        for (Token t : p.tokensIn(cue.start(), cue.end())) {
            if (chain.contains(t.index())) {
                return true;
            }
            for (Arc a : p.heads(t.index())) {
                boolean attached = ATTACHED.contains(a.relation())
                        || ATTACHED.contains(a.base()) && !a.base().equals("obl") && !a.base().equals("nmod");
                if (a.head() >= 0 && attached && chain.contains(a.head())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "would" or "could" in what someone said or agreed ("agreed that ambassadors would return"): the future told in
     * the past, not a condition, unless an "if" stands in the same chain.
     */
    private static boolean reported(ParsedSentence p, PhraseMatch<Cue> cue, List<Integer> chain) {
        String w = cue.phrase().toLowerCase();
        if (!w.equals("would") && !w.equals("could")) {
            return false;
        }
        if (conditional(p, chain)) {
            return false;
        }
        for (int i = 1; i < chain.size(); i++) {
            if (REPORTING.contains(p.token(chain.get(i)).lemma())) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditional(ParsedSentence p, List<Integer> chain) {
        for (int n : chain) {
            for (Arc a : p.dependents(n)) {
                if (a.base().equals("mark") && CONDITIONS.contains(p.token(a.dependent()).lemma())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "to visit" with nothing governing it. */
    private static boolean infinitive(ParsedSentence p, int head) {
        return p.dependents(head).stream().anyMatch(a -> a.base().equals("mark")
                && p.token(a.dependent()).lemma().equals("to"));
    }
}
