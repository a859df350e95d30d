package io.watchfloor.extract;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.extract.parse.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a parse that tell one event, and the words in each role around them.
 *
 * <p>The event's own words are the trigger's content words ("missile attacks", "fired ... missiles"); when the
 * trigger is a noun, also the verb that carries it ("Iran <u>launched</u> attacks", "agreed <u>to</u> a truce") when
 * that verb only carries events (a support verb of the lexicon). Around them:
 * <ul>
 *   <li><b>doers</b>: subjects ("Tehran launched"), the agent of a passive ("struck by Israeli jets"), the owner or
 *   adjective of an event noun ("Iran's strike", "Israeli strikes", "strikes by Israel");</li>
 *   <li><b>objects</b>: the object, the subject of a passive;</li>
 *   <li><b>aimed</b>: the places an act is aimed at ("on", "inside", "against", "to" ...);</li>
 *   <li><b>partners</b>: whom it is done with: "with", "between";</li>
 *   <li><b>places</b>: where it was done ("in", "at"): where talks were held is no party to them.</li>
 * </ul>
 */
final class EventFrame {
    /** Prepositions of the place an act is aimed at: "strikes on", "attack against", "fired into". */
    private static final Set<String> AIMED = Set.of("on", "upon", "against", "inside", "into", "at", "across",
            "toward", "towards", "to", "from", "of", "in", "within", "onto");
    /** Prepositions of where a joint act took place. */
    private static final Set<String> WHERE = Set.of("in", "at", "inside", "on", "during", "near");
    /** Nouns for an attack that, after "in", say whose act a strike was: "hit in Russian attack". */
    private static final Set<String> ATTACKS = Set.of("attack", "strike", "airstrike", "raid", "bombardment",
            "shelling", "barrage", "assault", "offensive", "bombing");
    private static final Set<String> WITH = Set.of("with", "between", "among", "alongside");
    /** Verbs of a clause that names what an act was aimed at: "launched strikes targeting bases in Iran". */
    private static final Set<String> AIMING = Set.of("target", "hit", "strike", "attack", "aim", "bomb", "destroy");

    final ParsedSentence parse;
    /** The trigger's main word. */
    final int head;
    /** The trigger's content words, and the support verb that carries a noun trigger. */
    final Set<Integer> nodes = new LinkedHashSet<>();
    final List<Integer> doers = new ArrayList<>();
    final List<Integer> objects = new ArrayList<>();
    final List<Integer> aimed = new ArrayList<>();
    final List<Integer> partners = new ArrayList<>();
    final List<Integer> places = new ArrayList<>();
    /** Of the partners, those named by "between" or "among": the two sides themselves, not a third party's. */
    final List<Integer> between = new ArrayList<>();
    /** Adjectives and nouns that qualify an event noun ("Israeli strikes", "an Egypt visit"); among the doers too. */
    final List<Integer> modifiers = new ArrayList<>();
    /** A noun trigger that is the subject of a verb ("Israeli strikes killed 12 in Gaza"): that verb. */
    int subjectOf = -1;

    /** The trigger's chars in the sentence. */
    private final int begin;
    private final int end;

    private EventFrame(ParsedSentence parse, int head, int begin, int end) {
        this.parse = parse;
        this.head = head;
        this.begin = begin;
        this.end = end;
    }

    /** Whether [from, to) lies within the trigger's words ("no intention of invading" is one trigger). */
    boolean covers(int from, int to) {
        return from >= begin && to <= end;
    }

    /** The frame of the trigger spanning [begin, end); null when the parse has no word there. */
    static EventFrame of(ParsedSentence parse, int begin, int end, Set<String> supportVerbs) {
        return of(parse, begin, end, null, supportVerbs);
    }

    /**
     * @param phrase the trigger as the lexicon writes it: of a split trigger ("summoned ... ambassador"), only the
     *               words of the phrase are the event's, not those between ("Iran's" is whose ambassador); null: all
     */
    static EventFrame of(ParsedSentence parse, int begin, int end, String phrase, Set<String> supportVerbs) {
        int head = parse.headOf(begin, end);
        if (head < 0) {
            return null;
        }
        EventFrame f = new EventFrame(parse, head, begin, end);
        Set<String> words = phrase == null ? null
                : new HashSet<>(Arrays.asList(phrase.toLowerCase(Locale.ROOT).split("[\\s.]+")));
        for (Token t : parse.tokensIn(begin, end)) {
            boolean own = words == null || words.contains(t.word().toLowerCase(Locale.ROOT));
            if (own && (t.isVerb() || t.isNoun() || t.tag().startsWith("JJ"))) {
                f.nodes.add(t.index());
            }
        }
        f.nodes.add(head);
        Token h = parse.token(head);
        if (!h.isVerb()) {
            for (Arc up : parse.heads(head)) {
                if (up.head() < 0) {
                    continue;
                }
                Token v = parse.token(up.head());
                boolean carried = (up.base().equals("obj") || up.relation().equals("nsubj:pass")
                        || up.base().equals("xcomp")) && supportVerbs.contains(v.lemma())
                        || up.base().equals("obl") && supportVerbs.contains(v.lemma() + " " + up.subtype());
                if (carried && !ParseMood.relativeOf(parse, head, up.head())) {
                    // "talks that had not been announced": the relative clause tells of the talks, not carries them
                    f.nodes.add(up.head());
                } else if (up.relation().equals("nsubj") && v.isVerb()) {
                    f.subjectOf = up.head();
                }
            }
            for (Arc down : parse.dependents(head)) {
                // "the first strikes the United States has carried out": the noun is what the clause carried out;
                // not "talks that had not been announced in advance", where the clause only tells of the talks.
                int verb = down.dependent();
                if (down.relation().equals("acl:relcl") && supportVerbs.contains(parse.token(verb).lemma())
                        && parse.dependents(verb).stream().anyMatch(a -> a.dependent() == head
                        && a.base().equals("obj"))) {
                    f.nodes.add(verb);
                }
            }
        }
        for (int n : List.copyOf(f.nodes)) {
            f.collect(n);
        }
        if (f.subjectOf >= 0) {
            // "Israeli strikes killed 12 people in Gaza": the verb's places are where the strikes fell.
            for (Arc a : parse.dependents(f.subjectOf)) {
                if (a.base().equals("obl") && AIMED.contains(a.subtype())) {
                    f.aimed.add(a.dependent());
                }
            }
        }
        f.doers.removeAll(f.nodes);
        f.objects.removeAll(f.nodes);
        f.aimed.removeAll(f.nodes);
        f.partners.removeAll(f.nodes);
        f.places.removeAll(f.nodes);
        f.between.removeAll(f.nodes);
        f.modifiers.removeAll(f.nodes);
        return f;
    }

    private void collect(int n) {
        Token t = parse.token(n);
        // "Kyiv hospital hit in Russian attack": a participle with no auxiliary is a passive too, unless it has an
        // object ("Pakistan on Wednesday expelled India's envoy", tagged as a participle).
        boolean passive = parse.dependents(n).stream().anyMatch(a -> a.relation().equals("nsubj:pass")
                || a.relation().equals("aux:pass"))
                || t.tag().equals("VBN") && parse.dependents(n).stream().noneMatch(a -> a.base().equals("aux")
                        || a.base().equals("obj"));
        // "Kyiv hospital hit in Russian missile attack", "soldiers killed in an Israeli strike": the attack named
        // after "in" is whose act it was, and what it hit is the target, however the parser took the headline.
        int attack = -1;
        for (Arc a : parse.dependents(n)) {
            if ((a.base().equals("obl") || a.base().equals("nmod")) && a.subtype().equals("in")
                    && ATTACKS.contains(parse.token(a.dependent()).lemma()) && !nodes.contains(a.dependent())) {
                // (not the trigger's own word: "aircraft killed 46 civilians in an attack" is the aircraft's act)
                attack = a.dependent();
            }
        }
        if (attack >= 0) {
            passive = true;
        }
        // "Serb forces were engaged in ethnic cleansing": a support verb that carries the event through a
        // preposition is a state, not a passive; its subject does the event.
        boolean state = n != head && t.isVerb() && parse.dependents(n).stream()
                .anyMatch(a -> a.base().equals("obl") && a.dependent() == head);
        // The object word of a split trigger ("summoned Iran's envoy"): its owner is whom the act addresses.
        boolean acted = n != head && parse.heads(n).stream().anyMatch(a -> nodes.contains(a.head())
                && (a.base().equals("obj") || a.base().equals("obl") || a.relation().equals("nsubj:pass")));
        for (Arc a : parse.dependents(n)) {
            int d = a.dependent();
            String base = a.base();
            String sub = a.subtype();
            switch (base) {
                case "nsubj", "csubj" -> {
                    if (!state && (sub.equals("pass") || passive && t.isVerb())) {
                        objects.add(d);
                    } else {
                        doers.add(d);
                    }
                }
                case "obj", "iobj" -> objects.add(d);
                case "obl", "nmod" -> {
                    if (d == attack) {
                        doers.add(d);
                    } else if (attack >= 0 && sub.equals("poss")) {
                        objects.add(d);
                    } else if (sub.equals("agent") || sub.equals("by") && (passive || !t.isVerb())) {
                        doers.add(d);
                    } else if (sub.equals("poss")) {
                        (acted ? objects : doers).add(d);
                    } else if (WITH.contains(sub)) {
                        partners.add(d);
                        if (!sub.equals("with")) {
                            between.add(d);
                        }
                    } else if (sub.equals("tmod") || sub.equals("npmod")) {
                        continue;
                    } else {
                        if (WHERE.contains(sub)) {
                            places.add(d);
                        }
                        if (AIMED.contains(sub)) {
                            aimed.add(d);
                        }
                    }
                }
                case "amod", "compound" -> {
                    if (acted || attack >= 0) {
                        objects.add(d); // "expelled Iranian diplomats"
                    } else if (!t.isVerb()) {
                        doers.add(d); // "Israeli strikes", "Indo-Pak talks"
                        modifiers.add(d);
                    }
                }
                case "advcl", "xcomp", "acl" -> {
                    if (AIMING.contains(parse.token(d).lemma()) && parse.token(d).isVerb()) {
                        for (Arc b : parse.dependents(d)) {
                            if (b.base().equals("obj") || b.base().equals("obl") && AIMED.contains(b.subtype())) {
                                aimed.add(b.dependent()); // "targeting militant bases in Pakistan"
                            }
                        }
                    }
                }
                case "advmod" -> {
                    // "handed the pilot back to Russia": the place hangs on the particle.
                    for (Arc b : parse.dependents(d)) {
                        if (b.base().equals("obl") && AIMED.contains(b.subtype())) {
                            aimed.add(b.dependent());
                        }
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public String toString() {
        return "event " + words(List.copyOf(nodes)) + " doers " + words(doers) + " objects " + words(objects)
                + " aimed " + words(aimed) + " partners " + words(partners) + " places " + words(places);
    }

    private String words(List<Integer> indexes) {
        return indexes.stream().map(i -> parse.token(i).word()).toList().toString();
    }

    /**
     * The subject of the verb that governs the event's verbs, for a verb without one of its own: "The United States
     * and Britain have started carrying out strikes", "Iran decided to strike". Empty when there is none.
     */
    List<Integer> inheritedDoers() {
        List<Integer> out = new ArrayList<>();
        for (int n : nodes) {
            if (!parse.token(n).isVerb() && !parse.token(n).tag().startsWith("JJ")) {
                continue; // a verb or an adjective: "Nairobi remained committed to ..."
            }
            int at = n;
            for (int step = 0; step < 3 && out.isEmpty(); step++) {
                int up = -1;
                boolean controlled = false;
                for (Arc a : parse.heads(at)) {
                    boolean governs = a.base().equals("xcomp") || a.base().equals("dep") || a.base().equals("conj");
                    if (a.head() >= 0 && governs) {
                        up = a.head();
                        controlled = a.base().equals("xcomp");
                        break;
                    }
                }
                if (up < 0) {
                    break;
                }
                for (Arc a : parse.dependents(up)) {
                    // "Isaias is expected to visit", "the envoy was asked to leave": the passive's subject does
                    // what it was expected or asked to do
                    if (a.base().equals("nsubj") && (controlled || !a.relation().equals("nsubj:pass"))) {
                        out.add(a.dependent());
                    }
                }
                at = up;
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** Whether the parse attached nothing to the trigger: no doer, object, partner or place. */
    boolean bare() {
        return doers.isEmpty() && objects.isEmpty() && aimed.isEmpty() && partners.isEmpty() && places.isEmpty();
    }

    /** Whether {@code n} is one of the trigger's own words. */
    boolean isEventWord(int n) {
        return nodes.contains(n);
    }
}
