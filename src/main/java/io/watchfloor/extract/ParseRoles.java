package io.watchfloor.extract;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.extract.parse.Token;
import io.watchfloor.model.SignalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
            "conj", "nmod:to", "nmod:for", "nmod:by", "nmod:agent", "dep", "obl:npmod", "nmod:npmod");
    /** Verbs that say whose a weapon was, on the weapon as a reduced clause: "rockets fired from Lebanon". */
    private static final Set<String> LAUNCHED = Set.of("belong", "fire", "launch", "shoot", "drop");
    /** The same as adjectives, which keep their form as their lemma: "rockets fired by Cambodian forces". */
    private static final Set<String> LAUNCHED_FORMS = Set.of("belonging", "fired", "launched", "shot", "dropped");
    private static final Set<String> WEAPON_OWNER = Set.of("obl:to", "obl:agent", "obl:by", "obl:from");
    /** What two sides share: "the border between Azerbaijan and Armenia", "the Thai-Cambodian frontier". */
    private static final Set<String> SHARED = Set.of("border", "frontier", "boundary", "line");
    /** How a place hangs on what was struck: "bases in southwestern Pakistan". */
    private static final Set<String> PLACE = Set.of("nmod:in", "nmod:inside", "nmod:at", "nmod:on", "nmod:across",
            "nmod:within");
    /** Types whose host is named by "in" and "to": "arrived in Islamabad", "a trip to China". */
    private static final Set<String> HOSTING = Set.of("host", "welcome", "receive");
    /** Words for the article's two countries: "both sides", "the two countries", "the neighbours". */
    private static final Set<String> PAIR_NOUNS = Set.of("side", "country", "nation", "neighbour", "neighbor",
            "government", "leader", "minister", "delegation", "rival", "party", "president", "counterpart", "army",
            "military", "force", "korea", "sudan", "congo"); // "the two Koreas"
    /** Plurals that with "the" alone stand for the article's two countries: "the neighbours fought a war". */
    private static final Set<String> THE_PAIR = Set.of("neighbour", "neighbor", "rival", "side", "country", "nation",
            "delegation", "army");
    /** Pronouns that stand for a person, not a state. */
    private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her", "his", "hers");
    /** Words for an official, whose country an article about two countries may leave unsaid. */
    private static final Set<String> OFFICIALS = Set.of("minister", "president", "premier", "chancellor", "envoy",
            "ambassador", "delegation", "secretary", "king", "emir", "prince", "leader", "official", "diplomat");

    /** Acts two states commonly do to each other at once: swaps of prisoners, expulsions of each other's envoys. */
    /**
     * Joint acts of two armies: a sentence naming only the article's two countries tells them without saying whose
     * ("fighting between Cambodian and Thai troops ... before commanders agreed on a cease-fire"); an armed group
     * fights or agrees a truce for the country where it fights ("Israel and Hezbollah agreed to a ceasefire").
     */
    /**
     * Verbs whose subject tells of an event rather than takes part in it. Not "condemn": who condemns an attack is
     * often whom it hit ("Modi condemned the terror attack").
     */
    private static final Set<String> ATTRIBUTION = Set.of("say", "tell", "report", "claim", "accuse", "state",
            "add", "blame", "describe", "confirm", "deny");
    /** Verbs whose object is accused of an act: "accused India of ...", "blamed Ukraine for ...". */
    private static final Set<String> ACCUSING = Set.of("accuse", "blame");

    /** Acts that a protest may be made against: then it is addressed to their doer. */
    private static final Set<String> ACTS = Set.of("strike", "airstrike", "attack", "raid", "bombing", "shelling",
            "bombardment", "assault", "offensive", "incursion", "invasion", "killing", "assassination", "aggression",
            "shooting", "operation", "arrest", "detention", "expulsion", "seizure", "test", "launch", "drill",
            "exercise", "deployment", "violation", "incident");
    /** How a strike noun is the means of a verb: "killed ... in an airstrike", "hit ... with missiles". */
    private static final Set<String> MEANS = Set.of("in", "with", "by", "through", "using");
    /** Words for a state's armed forces: a fight of theirs has a state on each side, the other may go unsaid. */
    private static final Set<String> ARMED = Set.of("troops", "troop", "soldier", "force", "army", "military",
            "guard", "serviceman", "servicemen", "unit", "patrol", "artillery");
    private static final Set<SignalType> FIGHTING = Set.of(SignalType.CLASH, SignalType.CEASEFIRE);
    private static final Set<SignalType> RECIPROCAL = Set.of(SignalType.RELEASE, SignalType.DIPLOMATIC_DOWNGRADE);

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
        EventFrame f = EventFrame.of(parse, t.start(), t.end(), t.phrase(), lexicon.supportVerbs());
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
        if (mood == Cue.Mood.NEGATION || mood == Cue.Mood.BACKGROUND) {
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
            if (r == null) {
                return null;
            }
            List<Party> parties = r.parties();
            if (type != SignalType.MOBILIZATION) {
                // "Syrian Foreign Minister said: we condemn this attack": the country of who tells of an attack is
                // its source, not where it happened, unless the sentence names that country elsewhere too.
                Set<String> sources = sourcesOnly(parse, parties(ms));
                parties = parties.stream().filter(p -> !sources.contains(p.target())
                        && (p.actor() == null || !sources.contains(p.actor()))).toList();
                Reading byForces = stateForces(f, parse, ms, parties, mood == Cue.Mood.PLANNED);
                if (byForces != null) {
                    note(trace, "done by a state's armed forces in another country: a strike");
                    return byForces;
                }
            }
            if (type == SignalType.MOBILIZATION) {
                // Only the state the parse names as the one that deployed or tested: "Taiwan called the drills
                // illegitimate" is no Taiwanese drill.
                Map<Integer, List<Mention>> named = byToken(parse, parties(ms));
                Set<String> own = doers(f, named);
                // "China's military began two days of large-scale drills": who began them (not who called them
                // illegitimate: only a verb that carries the event)
                Set<String> doers = own.isEmpty() ? carrierSubject(f, named) : own;
                parties = parties.stream().filter(p -> doers.contains(p.actor())).toList();
            }
            return parties.isEmpty() ? null : new Reading(as, mood == Cue.Mood.PLANNED, parties);
        }
        Map<Integer, List<Mention>> byToken = byToken(parse, parties(ms));
        Map<Integer, List<Mention>> all = byToken(parse, ms);
        List<Party> parties = type.directed()
                ? directed(f, type, byToken, all, dominant, ms, t, headline)
                : joint(type, f, FIGHTING.contains(type) ? all : byToken, dominant, sameType(parse, cues, t, type));
        if (parties.isEmpty() && type == SignalType.PLEDGE) {
            parties = joint(type, f, byToken, dominant, Set.of()); // "Both countries expressed a commitment to de-escalate"
        }
        boolean clause = parse.heads(f.head).stream().noneMatch(a -> a.base().equals("dep"));
        if (parties.isEmpty() && f.bare() && (headline || parse.token(f.head).isVerb() && clause)) {
            // Headlines ("Saudi expels Canadian envoy") are often misparsed, and a verb with no subject or object
            // at all is a parse gone wrong ("Russia and Ukraine each freed 303 soldiers"): read them by word order;
            // not a verb the parser could not attach ("where the Thai, Cambodian and Lao borders meet").
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

    /** The dates of {@code ds} in the trigger's own clause; null when the parse has no word at the trigger. */
    ParseDates.Owned dates(ParsedSentence parse, PhraseMatch<Cue> t, List<DateMention> ds) {
        EventFrame f = EventFrame.of(parse, t.start(), t.end(), t.phrase(), lexicon.supportVerbs());
        return f == null ? null : ParseDates.own(f, ds);
    }

    /** The mentions that may be a party: not armed groups. */
    private static List<Mention> parties(List<Mention> ms) {
        return ms.stream().filter(m -> m.kind() != Mention.Kind.GROUP).toList();
    }

    /** The mentions by the word that heads them ("Thai-Cambodian" is one word for two countries). */
    private static Map<Integer, List<Mention>> byToken(ParsedSentence parse, List<Mention> ms) {
        Map<Integer, List<Mention>> byToken = new HashMap<>();
        for (Mention m : ms) {
            int h = parse.headOf(m.start(), m.end());
            if (h >= 0) {
                byToken.computeIfAbsent(h, k -> new ArrayList<>(1)).add(m);
            }
        }
        return byToken;
    }

    /**
     * An attack the parse gives to one state's armed forces ("Serb forces were engaged in ethnic cleansing in
     * Montenegro") is no attack by unknown hands: it is that state's use of force where it happened, or a clash where
     * it hit another state's troops. Null otherwise.
     */
    private static Reading stateForces(EventFrame f, ParsedSentence parse, List<Mention> ms, List<Party> places,
                                       boolean planned) {
        if (places.size() != 1 || f.doers.stream().noneMatch(d -> ARMED.contains(parse.token(d).lemma()))) {
            return null;
        }
        Set<String> doers = codes(parse, f.doers, byToken(parse, parties(ms)), false);
        String where = places.get(0).target();
        if (doers.size() != 1 || doers.contains(where)) {
            return null;
        }
        // "an army force was ambushed by Ethiopian forces": troops attacked by troops is a clash of the two states
        boolean onTroops = f.objects.stream().anyMatch(o -> ARMED.contains(parse.token(o).lemma()));
        return new Reading(onTroops ? SignalType.CLASH : SignalType.STRIKE, planned,
                List.of(new Party(doers.iterator().next(), where, false)));
    }

    /** The countries named as doers, or as the subject of the verb that governs the act. */
    private static Set<String> doers(EventFrame f, Map<Integer, List<Mention>> byToken) {
        Set<String> doers = codes(f.parse, resolved(f, f.doers, byToken), byToken, false);
        if (doers.isEmpty()) {
            doers = codes(f.parse, resolved(f, f.inheritedDoers(), byToken), byToken, false);
        }
        return doers;
    }

    private static void note(Trace trace, String line) {
        if (trace.on()) {
            trace.note("      " + line);
        }
    }

    /**
     * @param byToken the mentions that may be parties; {@code all} adds armed groups, which name where they fight:
     *                a strike on a group's positions is a strike on that country, a group's act is no state's
     */
    private List<Party> directed(EventFrame f, SignalType type, Map<Integer, List<Mention>> byToken,
                                 Map<Integer, List<Mention>> all, List<String> dominant, List<Mention> ms,
                                 PhraseMatch<Cue> t, boolean headline) {
        List<Integer> aims = new ArrayList<>(f.objects);
        Set<String> doers;
        if (type == SignalType.VISIT && !f.modifiers.isEmpty()) {
            // "his first Egypt visit": the country qualifying a visit is where it goes; the visitor is who came.
            aims.addAll(f.modifiers);
            List<Integer> visitors = new ArrayList<>(f.doers);
            visitors.removeAll(f.modifiers);
            doers = visitors.isEmpty() ? governingSubject(f, byToken)
                    : codes(f.parse, resolved(f, visitors, byToken), byToken, false);
        } else {
            doers = doers(f, byToken);
        }
        if (doers.isEmpty()) {
            // "Officials blamed Ukraine for the strikes", "accused India of extending its strikes": whom the
            // accuser names is the doer.
            doers = codes(f.parse, resolved(f, accused(f.parse, f.head), byToken), byToken, false);
        }
        if (doers.isEmpty() && type == SignalType.STRIKE) {
            // "Israel killed the group's leader in an airstrike", "India targeted air bases using drone attacks",
            // "Tehran responded with waves of missiles fired at Israeli cities": the strike (or the weapon fired) is
            // how the subject of that verb did it, and what the verb hit is what the strike hit.
            int verb = meansOf(f.parse, f.parse.token(f.head).isVerb() ? weaponFired(f.parse, f.head) : f.head);
            if (verb >= 0) {
                doers = codes(f.parse, resolved(f, activeSubjects(f.parse, verb), byToken), byToken, false);
                if (!doers.isEmpty()) {
                    f.parse.dependents(verb).stream().filter(a -> a.base().equals("obj"))
                            .forEach(a -> aims.add(a.dependent()));
                }
            }
        }
        aims.addAll(f.aimed);
        aims.addAll(f.partners); // "severed ties with Rwanda"
        if (type == SignalType.THREAT) {
            aims.addAll(clauseObjects(f)); // "threatened to strike Iran", "warned that it would hit Israel"
        }
        List<Integer> acts = type == SignalType.PROTEST
                ? aims.stream().filter(a -> ACTS.contains(f.parse.token(a).lemma())).toList() : List.of();
        boolean againstAct = !acts.isEmpty();
        Set<String> targets;
        if (type == SignalType.STRIKE) {
            targets = struck(f.parse, aims, all);
        } else if (againstAct) {
            // "Qatar condemns Israeli strike on Hamas officials in Doha": a protest against an act is addressed to
            // whoever did it, not to whom or where it hit; an act whose doer goes unnamed names no addressee.
            List<Integer> whose = actors(f.parse, acts);
            if (!activeSubjects(f.parse, f.head).isEmpty()) {
                // "Georgia condemns detention of villagers by Russian forces": the parser hangs "by ..." on the
                // protest, which in the active voice has no agent of its own: it is the act's.
                f.parse.dependents(f.head).stream().filter(a -> a.relation().equals("obl:by"))
                        .forEach(a -> whose.add(a.dependent()));
            }
            targets = codes(f.parse, whose, all, false);
        } else {
            targets = codes(f.parse, aims, all, true);
        }
        if (type == SignalType.VISIT && HOSTING.contains(f.parse.token(f.head).lemma())) {
            Set<String> swap = doers;
            doers = targets;
            targets = swap; // "Islamabad hosted the Iranian minister": the guest visits the host
        }
        List<Party> out = new ArrayList<>();
        if (RECIPROCAL.contains(type) && (targets.isEmpty() || doers.isEmpty())) {
            // "Russia and Ukraine exchanged prisoners", "a prisoner swap between Ukraine and Russia" (the two sides
            // are partners, neither the doer): each to the other.
            List<String> sides = new ArrayList<>(doers);
            codes(f.parse, f.partners, byToken, false).stream().filter(c -> !sides.contains(c)).forEach(sides::add);
            if (sides.size() >= 2) {
                for (String a : sides) {
                    for (String b : sides) {
                        if (!a.equals(b)) {
                            out.add(new Party(a, b, false));
                        }
                    }
                }
                return out;
            }
        }
        if (!doers.isEmpty() && targets.isEmpty() && !againstAct) {
            // The parse named the doer but attached no country to the act ("launched airstrikes early Saturday
            // targeting what it described as military targets in Iran"): the next country of the same clause.
            String next = nextInClause(f.parse.text(), ms, t, doers);
            if (next != null) {
                targets = Set.of(next);
            }
        }
        if (type == SignalType.PROTEST && targets.isEmpty() && !headline
                && (againstAct || f.objects.stream().allMatch(o -> f.parse.token(o).tag().startsWith("JJ")))
                && doers.size() == 1 && dominant != null && dominant.containsAll(doers) && actedBySubject(f)) {
            // "Japan had made a diplomatic protest in response" ("a formal protest": an adjective is no addressee),
            // "Georgetown denounced the incursion" (whose, the sentence does not say), in an article about two
            // states, one of them the protester: to the other
            // (not in a headline, whose "envoy summoned" the parser reads as the envoy summoning).
            String doer = doers.iterator().next();
            out.add(new Party(doer, WindowRoles.otherOf(dominant, doer), true));
            return out;
        }
        Set<String> striker = type == SignalType.STRIKE && targets.isEmpty() && !f.parse.token(f.head).isVerb()
                ? codes(f.parse, qualifiers(f, byToken), byToken, false) : Set.of();
        if (striker.size() == 1 && dominant != null && dominant.containsAll(striker)) {
            // "in retaliation for recent Indian strikes" in an article about India and Pakistan: a strike noun whose
            // striker qualifies it and whose target is not named falls on the other country the article is about
            // (not a subject: "Ukrainian cities are under strikes" names the struck).
            String doer = striker.iterator().next();
            out.add(new Party(doer, WindowRoles.otherOf(dominant, doer), true));
            return out;
        }
        if (doers.isEmpty() && type == SignalType.VISIT && f.doers.isEmpty() && !f.parse.token(f.head).isVerb()) {
            // "Rubio warned Venezuela during a visit to Georgetown": who speaks during a visit is the visitor.
            int up = f.parse.heads(f.head).stream().filter(a -> a.head() >= 0 && a.base().equals("obl"))
                    .map(Arc::head).findFirst().orElse(-1);
            if (up >= 0) {
                doers = codes(f.parse, resolved(f, activeSubjects(f.parse, up), byToken), byToken, false);
            }
        }
        if (doers.isEmpty() && type == SignalType.VISIT && dominant != null && targets.size() == 1
                && names(f.parse, f.doers, OFFICIALS)) {
            // "The foreign minister arrived in Islamabad": in an article about two countries, the other one's.
            String host = targets.iterator().next();
            if (dominant.contains(host)) {
                String guest = WindowRoles.otherOf(dominant, host);
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

    /**
     * The countries a sentence names only as the subject of a verb of saying or accusing, or as that subject's
     * owner or adjective ("Syrian Foreign Minister Faisal Mekdad said", "The Israeli army statement accused").
     */
    private static Set<String> sourcesOnly(ParsedSentence p, List<Mention> ms) {
        Set<Integer> said = new HashSet<>();
        for (int v = 0; v < p.size(); v++) {
            if (!ATTRIBUTION.contains(p.token(v).lemma())) {
                continue;
            }
            for (Arc a : p.dependents(v)) {
                if (a.relation().equals("nsubj")) {
                    subtree(p, a.dependent(), 0, said);
                }
            }
        }
        Set<String> inside = new LinkedHashSet<>();
        Set<String> outside = new HashSet<>();
        for (Mention m : ms) {
            int h = p.headOf(m.start(), m.end());
            (h >= 0 && said.contains(h) ? inside : outside).add(m.code());
        }
        inside.removeAll(outside);
        return inside;
    }

    private static void subtree(ParsedSentence p, int n, int depth, Set<Integer> out) {
        if (!out.add(n) || depth >= 3) {
            return;
        }
        for (Arc a : p.dependents(n)) {
            String base = a.base();
            if (base.equals("amod") || base.equals("compound") || a.relation().equals("nmod:poss")
                    || base.equals("appos") || base.equals("flat") || a.relation().equals("nmod:of")) {
                subtree(p, a.dependent(), depth + 1, out);
            }
        }
    }

    /** The words that say whose an event noun is: "Indian strikes", "Iran's strike", "strikes by Israel". */
    private static List<Integer> qualifiers(EventFrame f, Map<Integer, List<Mention>> byToken) {
        List<Integer> out = new ArrayList<>();
        for (Arc a : f.parse.dependents(f.head)) {
            String rel = a.relation();
            if (rel.equals("nmod:poss") && codes(f.parse, List.of(a.dependent()), byToken, false).isEmpty()) {
                return List.of(); // "its bombing by the United States": an owner we cannot name may be the struck
            }
            if (f.doers.contains(a.dependent()) && (rel.equals("amod") || rel.equals("compound")
                    || rel.equals("nmod:poss") || rel.equals("nmod:by") || rel.equals("nmod:agent"))) {
                out.add(a.dependent());
            }
        }
        return out;
    }

    /**
     * Whom a strike hit: the country where what was struck lies, else the owner of what was struck ("Hamas officials
     * in Doha": Qatar's territory; "Iran's consulate": Iran).
     */
    private static Set<String> struck(ParsedSentence p, List<Integer> aims, Map<Integer, List<Mention>> byToken) {
        Set<String> named = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        for (int a : aims) {
            List<Mention> here = byToken.get(a);
            if (here != null) {
                for (Mention m : here) {
                    (m.kind() == Mention.Kind.PLACE || m.kind() == Mention.Kind.CAPITAL ? places : named)
                            .add(m.code()); // "struck Iran", "struck Doha"
                }
                continue;
            }
            Set<String> own = codes(p, List.of(a), byToken, false);
            Set<String> where = codes(p, List.of(a), byToken, true);
            where.removeAll(own);
            owners.addAll(own);
            places.addAll(where);
        }
        named.addAll(places.isEmpty() ? owners : places);
        return named;
    }

    private static List<Party> allPairs(List<String> codes) {
        List<Party> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                out.add(WindowRoles.sorted(codes.get(i), codes.get(j), false));
            }
        }
        return out;
    }

    /** The sides of a border a joint act took place on: "along the border between A and B", "the A-B border". */
    private static List<Integer> shared(EventFrame f) {
        List<Integer> out = new ArrayList<>();
        List<Integer> where = new ArrayList<>(f.aimed);
        where.addAll(f.places);
        for (int w : where) {
            if (!SHARED.contains(f.parse.token(w).lemma())) {
                continue;
            }
            for (Arc a : f.parse.dependents(w)) {
                String rel = a.relation();
                if (rel.equals("nmod:between") || rel.equals("compound") || rel.equals("amod")) {
                    out.add(a.dependent());
                }
            }
        }
        return out;
    }

    /**
     * The countries of the subject of the nearest verb above a noun trigger that names any: "X came for talks", "X
     * welcomed the truce", "X and Y accepted a proposal to normalise relations after talks" (the proposal, subject
     * of "normalise", names no one).
     */
    private static Set<String> governingSubject(EventFrame f, Map<Integer, List<Mention>> byToken) {
        if (f.parse.heads(f.head).stream().anyMatch(a -> a.base().equals("dep"))) {
            return new LinkedHashSet<>(); // a word the parser could not attach: "where the A, B and C borders meet"
        }
        List<Integer> chain = ParseMood.governors(f.parse, f.head);
        for (int i = 1; i < chain.size(); i++) {
            Set<String> codes = codes(f.parse, resolved(f, activeSubjects(f.parse, chain.get(i)), byToken), byToken,
                    false);
            if (!codes.isEmpty()) {
                return codes;
            }
        }
        return new LinkedHashSet<>();
    }

    /**
     * The countries of the subject of a support verb that carries an event noun, through a measure ("began two days
     * of drills", "staged a week of exercises").
     */
    private Set<String> carrierSubject(EventFrame f, Map<Integer, List<Mention>> byToken) {
        int at = f.head;
        for (int step = 0; step < 3; step++) {
            Arc up = f.parse.heads(at).stream().filter(a -> a.head() >= 0 && (a.relation().equals("nmod:of")
                    || a.base().equals("obj"))).findFirst().orElse(null);
            if (up == null) {
                return Set.of();
            }
            at = up.head();
            if (f.parse.token(at).isVerb()) {
                return lexicon.supportVerbs().contains(f.parse.token(at).lemma())
                        ? codes(f.parse, resolved(f, activeSubjects(f.parse, at), byToken), byToken, false) : Set.of();
            }
        }
        return Set.of();
    }

    /** The first country named after the trigger in its clause, other than the doers'. */
    private static String nextInClause(String sentence, List<Mention> ms, PhraseMatch<Cue> t, Set<String> doers) {
        int end = Clauses.end(sentence, t.end());
        for (Mention m : ms) {
            if (m.start() >= t.end() && m.end() <= end && !doers.contains(m.code())) {
                return m.code();
            }
        }
        return null;
    }

    /**
     * Joint acts: the two sides named by "between"; else the doers together and each doer with each partner; never
     * the places; the article's pair for "the two sides".
     */
    private List<Party> joint(SignalType type, EventFrame f, Map<Integer, List<Mention>> byToken,
                              List<String> dominant, Set<Integer> sameType) {
        List<Integer> sides = new ArrayList<>(resolved(f, f.doers, byToken));
        sides.addAll(f.partners);
        sides.addAll(f.objects);
        List<Party> out = new ArrayList<>();
        Set<String> between = codes(f.parse, f.between, byToken, false);
        between.addAll(codes(f.parse, shared(f), byToken, false));
        if (between.size() >= 2) {
            // "talks between Tehran and Riyadh", "China's efforts to restore ties between Iran and Saudi Arabia": the
            // two sides, not who brought them together.
            return allPairs(List.copyOf(between));
        }
        Set<String> doers = codes(f.parse, resolved(f, f.doers, byToken), byToken, false);
        if (doers.isEmpty()) {
            // "Maduro landed ... for talks with Guyana's President": the one who came for them is a side.
            doers = governingSubject(f, byToken);
        }
        List<Integer> others = new ArrayList<>(f.partners);
        others.addAll(f.objects);
        Set<String> withWhom = codes(f.parse, others, byToken, false);
        withWhom.addAll(between);
        withWhom.removeAll(doers);
        // Doers together ("Armenia, Azerbaijan and Russia signed"), each doer with each partner ("X met A and B"); a
        // list of partners of an unnamed doer ("he met his Cuban and Swiss counterparts") is no pair.
        List<String> codes = new ArrayList<>(doers);
        out.addAll(allPairs(codes));
        for (String a : doers) {
            for (String b : withWhom) {
                out.add(WindowRoles.sorted(a, b, false));
            }
        }
        if (doers.isEmpty() && f.doers.isEmpty() && withWhom.size() >= 2) {
            out.addAll(allPairs(List.copyOf(withWhom)));
        }
        codes.addAll(withWhom);
        List<String> named = byToken.values().stream().flatMap(List::stream).filter(Mention::canAct)
                .map(Mention::code).distinct().toList();
        // "A ceasefire took hold on Wednesday, the secretary of Armenia's Security Council said": a truce is between
        // two sides, and a sentence that names only the article's countries (or one, as who tells of it) tells theirs.
        boolean aboutThePair = dominant != null && codes.isEmpty() && FIGHTING.contains(type)
                && (named.size() == 2 || type == SignalType.CEASEFIRE && named.size() == 1 && sourcesOnly(f.parse,
                byToken.values().stream().flatMap(List::stream).toList()).containsAll(named))
                && dominant.containsAll(named);
        boolean pair = pairWords(f.parse, sides);
        if (out.isEmpty() && pair && codes.isEmpty() && named.size() == 2) {
            // "Rubio said at a news conference with Guyana's president, after the two held talks": the sentence's two
            return List.of(WindowRoles.sorted(named.get(0), named.get(1), true));
        }
        if (out.isEmpty() && dominant != null && (codes.isEmpty() || dominant.contains(codes.get(0)))
                && (pair || aboutThePair)) {
            // "The two sides agreed to a truce", "Pakistan and its neighbour": the article's pair.
            out.add(WindowRoles.articlePair(dominant));
        }
        if (out.isEmpty() && codes.isEmpty() && sides.isEmpty() && !f.parse.token(f.head).isVerb()) {
            // "The presidents of A and B agreed not to use force, after a meeting on ...", "after talks ..., the two
            // governments said": a meeting told only as when something else happened was between who did that.
            int verb = hostVerb(f.parse, f.head);
            if (verb >= 0 && !sameType.contains(verb)) { // "due to meet ... in talks": one event, told by the verb
                List<Integer> subjects = activeSubjects(f.parse, verb);
                Set<String> together = codes(f.parse, resolved(f, subjects, byToken), byToken, false);
                if (together.size() >= 2) {
                    return allPairs(List.copyOf(together));
                }
                if (together.isEmpty() && dominant != null && pairWords(f.parse, subjects)) {
                    return List.of(WindowRoles.articlePair(dominant));
                }
            }
        }
        if (out.isEmpty() && FIGHTING.contains(type) && dominant != null && codes.size() == 1
                && dominant.contains(codes.get(0)) && names(f.parse, armedSides(f), ARMED)) {
            // "a soldier was killed in a gunfight with Thai troops", in an article about Thailand and Cambodia: a
            // fight has two sides, and the one not named is the article's other country.
            out.add(WindowRoles.articlePair(dominant));
        }
        return out;
    }

    /**
     * Who is accused of the act at {@code head}: the object of "accuse" or "blame" above it, or, where the act itself
     * is what was blamed ("blamed the attack on Iran"), the one it was blamed on.
     */
    private static List<Integer> accused(ParsedSentence p, int head) {
        int n = head;
        for (int step = 0; step < 6; step++) {
            Arc up = p.heads(n).stream().filter(a -> a.head() >= 0).findFirst().orElse(null);
            if (up == null || up.base().equals("conj") || up.base().equals("parataxis")) {
                // "accused India of ... and condemned the actions": the condemnation is the accuser's own act
                return List.of();
            }
            if (ACCUSING.contains(p.token(up.head()).lemma())) {
                boolean actBlamed = up.base().equals("obj");
                List<Integer> out = new ArrayList<>();
                for (Arc a : p.dependents(up.head())) {
                    if (actBlamed ? a.relation().equals("obl:on") : a.base().equals("obj")) {
                        out.add(a.dependent());
                    }
                }
                return out;
            }
            n = up.head();
        }
        return List.of();
    }

    /**
     * The verb an event noun is the means of: "killed ... in an airstrike" (an oblique), "targeted ... using drone
     * attacks" (the object of "use" that qualifies the verb); -1 when it is none.
     */
    private static int meansOf(ParsedSentence p, int noun) {
        if (noun < 0) {
            return -1;
        }
        for (Arc up : p.heads(noun)) {
            if (up.head() >= 0 && up.relation().equals("nmod:of") && p.token(up.head()).isNoun()) {
                return meansOf(p, up.head()); // "with waves of missiles"
            }
            if (up.head() < 0 || !p.token(up.head()).isVerb()) {
                continue;
            }
            if (up.base().equals("obl") && MEANS.contains(up.subtype())) {
                return up.head();
            }
            if (up.base().equals("obj") && p.token(up.head()).lemma().equals("use")) {
                for (Arc above : p.heads(up.head())) {
                    if (above.head() >= 0 && (above.base().equals("advcl") || above.base().equals("xcomp"))
                            && p.token(above.head()).isVerb()) {
                        return above.head();
                    }
                }
            }
        }
        return -1;
    }

    /** The words that say whose an act is: "Israeli strike", "Iran's attack", "the raid by Turkish jets". */
    private static List<Integer> actors(ParsedSentence p, List<Integer> acts) {
        List<Integer> out = new ArrayList<>();
        for (int act : acts) {
            for (Arc a : p.dependents(act)) {
                String rel = a.relation();
                if (rel.equals("amod") || rel.equals("compound") || rel.equals("nmod:poss") || rel.equals("nmod:by")
                        || rel.equals("nmod:agent") || rel.equals("nmod:from")) {
                    out.add(a.dependent());
                }
            }
        }
        return out;
    }

    /** The words for the sides of a fight: its doers and partners, and the heads of the countries named there. */
    private static List<Integer> armedSides(EventFrame f) {
        List<Integer> out = new ArrayList<>(f.doers);
        out.addAll(f.partners);
        for (int w : List.copyOf(out)) {
            f.parse.heads(w).stream().filter(a -> a.head() >= 0 && (a.base().equals("amod")
                    || a.base().equals("compound") || a.relation().equals("nmod:poss"))).forEach(a -> out.add(a.head()));
        }
        return out;
    }

    /**
     * Whether the act is told with its doer as the subject of a clause of its own, not as the agent of a participle
     * ("a practice condemned by the medical association").
     */
    private static boolean actedBySubject(EventFrame f) {
        ParsedSentence p = f.parse;
        for (int n : f.nodes) {
            if (p.heads(n).stream().anyMatch(a -> a.base().equals("acl"))
                    || p.dependents(n).stream().anyMatch(a -> a.relation().endsWith("agent")
                    || a.relation().endsWith(":by"))) {
                return false;
            }
        }
        return true;
    }

    /** The words of the sentence's other triggers of the same type. */
    private static Set<Integer> sameType(ParsedSentence p, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> t,
                                         SignalType type) {
        Set<Integer> out = new HashSet<>();
        for (PhraseMatch<Cue> c : cues) {
            if (c != t && c.payload() instanceof Cue.Trigger trigger && trigger.type() == type) {
                p.tokensIn(c.start(), c.end()).forEach(k -> out.add(k.index()));
            }
        }
        return out;
    }

    /** The verb an event noun is an oblique of ("agreed ... after a meeting"); -1 when none. */
    private static int hostVerb(ParsedSentence p, int noun) {
        for (Arc up : p.heads(noun)) {
            if (up.head() >= 0 && up.base().equals("obl") && p.token(up.head()).isVerb()) {
                return up.head();
            }
        }
        return -1;
    }

    /** The weapon a participle tells the firing of ("missiles fired at Israeli cities"); -1 when none. */
    private static int weaponFired(ParsedSentence p, int participle) {
        if (!launched(p.token(participle))) {
            return -1;
        }
        for (Arc up : p.heads(participle)) {
            if (up.head() >= 0 && (up.base().equals("acl") || up.base().equals("amod"))) {
                return up.head();
            }
        }
        return -1;
    }

    /** Whether a word says a weapon was fired. */
    private static boolean launched(Token t) {
        String word = t.word().toLowerCase(Locale.ROOT);
        return LAUNCHED.contains(t.lemma()) || LAUNCHED_FORMS.contains(word);
    }

    /** The subjects of a verb in the active voice. */
    private static List<Integer> activeSubjects(ParsedSentence p, int verb) {
        return p.dependents(verb).stream()
                .filter(a -> a.base().equals("nsubj") && !a.relation().equals("nsubj:pass"))
                .map(Arc::dependent).toList();
    }

    /**
     * The doers with pronouns replaced by what they stand for: "Saudi Arabia said it was expelling": the subject of
     * the verb that reports the act, else the nearest country named before the pronoun as a subject.
     */
    private static List<Integer> resolved(EventFrame f, List<Integer> doers, Map<Integer, List<Mention>> byToken) {
        List<Integer> out = new ArrayList<>(doers.size());
        ParsedSentence p = f.parse;
        for (int doer : doers) {
            int d = doer;
            if (!p.token(d).tag().startsWith("PRP") && !byToken.containsKey(d)) {
                // "his country lodged a protest": the owner stands for the country
                for (Arc a : p.dependents(d)) {
                    if (a.relation().equals("nmod:poss") && p.token(a.dependent()).tag().startsWith("PRP")) {
                        d = a.dependent();
                    }
                }
            }
            String tag = p.token(d).tag();
            if (!tag.startsWith("PRP") || byToken.containsKey(d)) {
                out.add(doer);
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
                // "he" stands for a person: "President Yoon said South Korea and Japan should ..., as he opened a
                // summit" is Yoon's summit, not Japan's
                boolean person = PERSONAL.contains(p.token(d).word().toLowerCase(Locale.ROOT));
                for (int i = d - 1; i >= 0 && antecedent < 0; i--) {
                    int k = i;
                    if (byToken.containsKey(k) && p.heads(k).stream().anyMatch(a -> a.base().equals("nsubj"))
                            && (!person || byToken.get(k).stream().anyMatch(m -> m.kind() == Mention.Kind.PERSON))) {
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
                    if ((rel.equals("acl") || rel.equals("amod")) && launched(p.token(a.dependent()))) {
                        // "fire belonging to the Syrian forces", "shells fired by the army" (read as an adjective
                        // too: "hit by rockets fired by Cambodian forces"): whose the weapon was
                        for (Arc b : p.dependents(a.dependent())) {
                            if (WEAPON_OWNER.contains(b.relation())) {
                                queue.add(new int[] {b.dependent(), at[1] + 1});
                            }
                        }
                    } else if (owner || places && PLACE.contains(rel)) {
                        queue.add(new int[] {a.dependent(), at[1] + 1});
                    }
                }
            }
        }
        return out;
    }

    /** "both sides", "the two countries", "each other": words that stand for the article's two countries. */
    private static boolean pairWords(ParsedSentence p, List<Integer> words) {
        List<Integer> all = new ArrayList<>(words);
        for (int w : words) {
            for (Arc a : p.dependents(w)) {
                if (a.relation().equals("nmod:of") || a.relation().equals("nmod:from")) {
                    all.add(a.dependent()); // "officials from both countries", "the ministers of the two countries"
                }
            }
        }
        for (int w : all) {
            String lemma = p.token(w).lemma();
            if (lemma.equals("other") || lemma.equals("both")
                    || lemma.equals("two") && p.token(w).tag().equals("CD")) {
                return true; // "each other", "both", "the two held talks"
            }
            boolean plural = p.token(w).tag().equals("NNS") || p.token(w).tag().equals("NNPS");
            if (PAIR_NOUNS.contains(lemma) && p.dependents(w).stream().anyMatch(a -> {
                String d = p.token(a.dependent()).lemma();
                return d.equals("both") || d.equals("two") || plural && d.equals("the") && THE_PAIR.contains(lemma);
            })) {
                return true; // "both sides", "the two countries", "the neighbours"
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
