package io.watchfloor.extract;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.model.SignalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who did what to whom, and whether it happened, read from a sentence's dependency parse, as event coders such as
 * PETRARCH-2 read them: the doer is the subject or the agent, carried through control and coordination ("prompting
 * Pakistan to retaliate"); the target is the object or the place struck; where talks were held is a place, not a
 * party; the subject of "said" is a source; an owner ("its consulate") is the target's owner, not the doer; a list of
 * parties gives every pair.
 */
final class ParseRoles {
    /** How a country hangs on a word that stands for a party: "Iran's military", "Israeli jets", "forces of Armenia". */
    private static final Set<String> OWNER = Set.of("nmod:poss", "amod", "compound", "appos", "nmod:of", "nmod:from",
            "conj", "nmod:to", "nmod:for", "nmod:by", "nmod:agent");
    /** How a place hangs on what was struck: "bases in southwestern Pakistan". */
    private static final Set<String> PLACE = Set.of("nmod:in", "nmod:inside", "nmod:at", "nmod:near", "nmod:along",
            "nmod:on", "nmod:across", "nmod:within");
    /** Types whose host is named by "in" and "to": "arrived in Islamabad", "a trip to China". */
    private static final Set<String> HOSTING = Set.of("host", "welcome", "receive");
    /** Words for the article's two countries: "both sides", "the two countries", "the neighbours". */
    private static final Set<String> PAIR_NOUNS = Set.of("side", "country", "nation", "neighbour", "neighbor",
            "government", "leader", "minister", "delegation", "rival", "party", "president", "counterpart", "army",
            "military", "force");
    /** Words for an official, whose country an article about two countries may leave unsaid. */
    private static final Set<String> OFFICIALS = Set.of("minister", "president", "premier", "chancellor", "envoy",
            "ambassador", "delegation", "secretary", "king", "emir", "prince", "leader", "official", "diplomat");

    private final EventLexicon lexicon;
    private final WindowRoles window;

    ParseRoles(EventLexicon lexicon, WindowRoles window) {
        this.lexicon = lexicon;
        this.window = window;
    }

    /**
     * How a trigger reads: null when it tells no event (denied, hypothetical, another sense of the word, nobody
     * named); otherwise the type it is signalled as, whether it is planned, and the parties.
     */
    Reading read(ParsedSentence parse, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> t, SignalType type,
                 boolean headline, List<Mention> ms, List<String> dominant, Trace trace) {
        EventFrame f = EventFrame.of(parse, t.start(), t.end(), lexicon.supportVerbs());
        if (trace.on() && f != null) {
            trace.note("      frame: " + f);
        }
        if (f == null) {
            return window.read(parse.text(), cues, t, type, headline, ms, dominant);
        }
        if (lexicon.senses().otherSense(type, f)) {
            note(trace, "another sense of the word (lexicon senses)");
            return null;
        }
        Cue.Mood mood = ParseMood.of(f, cues, type == SignalType.THREAT, headline);
        if (mood != null) {
            note(trace, "mood " + mood);
        }
        if (mood == Cue.Mood.NEGATION) {
            return null;
        }
        SignalType as = type;
        if (type == SignalType.STRIKE && mood != null) {
            // "Israel would strike Lebanon if ...": a strike said to come, by a named state on a named state, is a
            // threat.
            as = SignalType.THREAT;
            mood = null;
        } else if (mood == Cue.Mood.HYPOTHETICAL) {
            return null;
        }
        if (lexicon.placeOnly(type) || type == SignalType.MOBILIZATION) {
            // Where an attack happened, where troops moved: read from the places named, as without a parse.
            Reading r = window.read(parse.text(), List.of(), t, type, headline, ms, dominant);
            return r == null ? null : new Reading(as, mood == Cue.Mood.PLANNED, r.parties());
        }
        Map<Integer, List<Mention>> byToken = new HashMap<>();
        for (Mention m : ms) {
            int h = parse.headOf(m.start(), m.end());
            if (h >= 0) {
                byToken.computeIfAbsent(h, k -> new ArrayList<>(1)).add(m); // "Thai-Cambodian" is one word
            }
        }
        List<Party> parties = type.directed()
                ? directed(f, type, byToken, dominant)
                : joint(f, byToken, dominant);
        if (parties.isEmpty() && (headline || f.bare())) {
            // Headlines ("Saudi expels Canadian envoy") and words the parser left unattached are often misparsed:
            // read them by word order instead.
            Reading r = window.read(parse.text(), List.of(), t, type, headline, ms, dominant);
            if (r != null) {
                note(trace, "no party in the parse: read by word order");
                parties = r.parties();
            }
        }
        if (as != type) {
            parties = parties.stream().filter(p -> !p.inferred()).toList();
        }
        return parties.isEmpty() ? null : new Reading(as, mood == Cue.Mood.PLANNED, parties);
    }

    private static void note(Trace trace, String line) {
        if (trace.on()) {
            trace.note("      " + line);
        }
    }

    private List<Party> directed(EventFrame f, SignalType type, Map<Integer, List<Mention>> byToken,
                                 List<String> dominant) {
        Set<String> doers = codes(f.parse, resolved(f, f.doers, byToken), byToken, false);
        List<Integer> aims = new ArrayList<>(f.objects);
        aims.addAll(f.aimed);
        aims.addAll(f.partners); // "severed ties with Rwanda"
        if (type == SignalType.THREAT) {
            aims.addAll(clauseObjects(f)); // "threatened to strike Iran", "warned that it would hit Israel"
        }
        Set<String> targets = codes(f.parse, aims, byToken, true);
        if (type == SignalType.VISIT && HOSTING.contains(f.parse.token(f.head).lemma())) {
            Set<String> swap = doers;
            doers = targets;
            targets = swap; // "Islamabad hosted the Iranian minister": the guest visits the host
        }
        List<Party> out = new ArrayList<>();
        if (doers.isEmpty() && type == SignalType.VISIT && dominant != null && targets.size() == 1
                && names(f.parse, f.doers, OFFICIALS)) {
            // "The foreign minister arrived in Islamabad": in an article about two countries, the other one's.
            String host = targets.iterator().next();
            if (dominant.contains(host)) {
                String guest = dominant.get(0).equals(host) ? dominant.get(1) : dominant.get(0);
                out.add(new Party(guest, host, true));
            }
            return out;
        }
        for (String a : doers) {
            for (String b : targets) {
                if (!a.equals(b)) {
                    out.add(new Party(a, b, false));
                }
            }
        }
        return out;
    }

    /** Joint acts: every pair of the parties named as doers, partners or objects (never the places). */
    private List<Party> joint(EventFrame f, Map<Integer, List<Mention>> byToken, List<String> dominant) {
        List<Integer> sides = new ArrayList<>(resolved(f, f.doers, byToken));
        sides.addAll(f.partners);
        sides.addAll(f.objects);
        List<String> codes = List.copyOf(codes(f.parse, sides, byToken, false));
        List<Party> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                out.add(WindowRoles.sorted(codes.get(i), codes.get(j), false));
            }
        }
        if (out.isEmpty() && dominant != null && (codes.isEmpty() || dominant.contains(codes.get(0)))
                && pairWords(f.parse, sides)) {
            // "The two sides agreed to a truce", "Pakistan and its neighbour": the article's pair.
            out.add(WindowRoles.sorted(dominant.get(0), dominant.get(1), true));
        }
        return out;
    }

    /**
     * The doers with pronouns replaced by what they stand for: "Saudi Arabia said it was expelling": the subject of
     * the verb that reports the act, else the nearest country named before the pronoun as a subject.
     */
    private static List<Integer> resolved(EventFrame f, List<Integer> doers, Map<Integer, List<Mention>> byToken) {
        List<Integer> out = new ArrayList<>(doers.size());
        ParsedSentence p = f.parse;
        for (int d : doers) {
            String tag = p.token(d).tag();
            if (!tag.startsWith("PRP") || byToken.containsKey(d)) {
                out.add(d);
                continue;
            }
            int antecedent = -1;
            List<Integer> chain = ParseMood.governors(p, f.head);
            for (int i = 1; i < chain.size() && antecedent < 0; i++) {
                for (Arc a : p.dependents(chain.get(i))) {
                    if (a.base().equals("nsubj") && !a.relation().equals("nsubj:pass") && a.dependent() < d) {
                        antecedent = a.dependent();
                        break;
                    }
                }
            }
            if (antecedent < 0) {
                for (int i = d - 1; i >= 0 && antecedent < 0; i--) {
                    int k = i;
                    if (byToken.containsKey(k) && p.heads(k).stream().anyMatch(a -> a.base().equals("nsubj"))) {
                        antecedent = k;
                    }
                }
            }
            out.add(antecedent >= 0 ? antecedent : d);
        }
        return out;
    }

    /** The objects and aimed-at places of the clause a threat announces. */
    private static List<Integer> clauseObjects(EventFrame f) {
        List<Integer> out = new ArrayList<>();
        for (int n : f.nodes) {
            for (Arc a : f.parse.dependents(n)) {
                if (a.base().equals("xcomp") || a.base().equals("ccomp")) {
                    EventFrame inner = EventFrame.of(f.parse, f.parse.token(a.dependent()).begin(),
                            f.parse.token(a.dependent()).end(), Set.of());
                    if (inner != null) {
                        out.addAll(inner.objects);
                        out.addAll(inner.aimed);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The countries named at or under the given words, nearest first: the word itself ("Iran struck"), its owner or
     * adjective ("Iran's military", "Israeli jets"), and, for what was struck, the place it is in ("bases in
     * Pakistan"). Clauses below (relative clauses, what was said) are not searched.
     */
    private static Set<String> codes(ParsedSentence p, List<Integer> roots, Map<Integer, List<Mention>> byToken,
                                     boolean places) {
        Set<String> out = new LinkedHashSet<>();
        for (int root : roots) {
            Deque<int[]> queue = new ArrayDeque<>();
            queue.add(new int[] {root, 0});
            Set<Integer> seen = new LinkedHashSet<>();
            while (!queue.isEmpty()) {
                int[] at = queue.poll();
                if (!seen.add(at[0])) {
                    continue;
                }
                List<Mention> here = byToken.get(at[0]);
                if (here != null) {
                    here.forEach(m -> out.add(m.code()));
                    if (at[1] > 0) {
                        continue; // "Israel's army": the owner found, nothing deeper
                    }
                }
                if (at[1] >= 3) {
                    continue;
                }
                for (Arc a : p.dependents(at[0])) {
                    String rel = a.relation();
                    boolean owner = OWNER.contains(rel) || OWNER.contains(a.base());
                    if (owner || places && PLACE.contains(rel)) {
                        queue.add(new int[] {a.dependent(), at[1] + 1});
                    }
                }
            }
        }
        return out;
    }

    /** "both sides", "the two countries", "each other": words that stand for the article's two countries. */
    private static boolean pairWords(ParsedSentence p, List<Integer> words) {
        for (int w : words) {
            String lemma = p.token(w).lemma();
            if (lemma.equals("other") || lemma.equals("both")) {
                return true; // "each other", "both"
            }
            if (PAIR_NOUNS.contains(lemma) && p.dependents(w).stream().anyMatch(a -> {
                String d = p.token(a.dependent()).lemma();
                return d.equals("both") || d.equals("two");
            })) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the words (or its head noun) is one of {@code lemmas}. */
    private static boolean names(ParsedSentence p, List<Integer> words, Set<String> lemmas) {
        for (int w : words) {
            if (lemmas.contains(p.token(w).lemma())) {
                return true;
            }
        }
        return false;
    }
}
