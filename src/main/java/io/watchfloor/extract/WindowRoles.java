package io.watchfloor.extract;

import io.watchfloor.model.SignalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who did what to whom, and whether it happened, read from the order of words around a trigger: for sentences the
 * parser does not read (too long, or no parser configured). The parse ({@link ParseRoles}) is the first choice.
 */
final class WindowRoles {
    /** A passive trigger: "was struck", "were hit", "had been expelled". */
    private static final Pattern AUX_BEFORE = Pattern.compile(
            "(?i)\\b(?:was|were|been|being|is|are|be)\\s+(?:[a-z]+ly\\s+)?$");
    /** The doer right after a participle: "freed by Ukraine", "hit by at least eight missiles". */
    private static final Pattern BY_RIGHT_AFTER = Pattern.compile("^\\s*(?:[\\p{L}-]+\\s+)?by\\s");
    /** Titles of officials: a sentence naming one speaks of a state's act. */
    private static final Pattern OFFICIAL = Pattern.compile("\\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|"
            + "[Cc]hancellor|[Pp]remier|[Cc]ounterpart|[Ee]nvoy|[Aa]mbassador|[Ll]eaders?|[Dd]elegations?|"
            + "[Ss]ecretary|[Kk]ing|[Ee]mir|[Cc]rown [Pp]rince|[Oo]fficials|[Ff]oreign [Mm]inistry|"
            + "[Ss]pecial [Rr]epresentatives?|[Aa]dviser|[Nn]egotiators)\\b");
    /** A coordinated verb: "accused Addis Ababa ... and warned": its doer is the subject of the sentence. */
    private static final Pattern AND_BEFORE = Pattern.compile("(?i)\\band\\s+(?:also\\s+|then\\s+|later\\s+)?$");
    /** Words that stand for the article's main pair of countries. */
    private static final Pattern PAIR_WORDS = Pattern.compile("(?i)\\b(?:both countries|the two countries|"
            + "both nations|the two nations|their nations|their countries|both sides|the two sides|the two neighbours|"
            + "the two neighbors|both governments|the ministers|the two ministers|bilateral|they|both|"
            + "the two governments|the two leaders|both leaders|the two delegations|both delegations|their ambassadors|"
            + "their envoys|each other|the neighbours|the neighbors|the rivals|the two rivals|both parties|"
            + "the two parties|the two presidents|the two prime ministers|the two foreign ministers|counterparts?)\\b");
    private static final Pattern CONDITIONAL_START = Pattern.compile("^(?:If|Unless|Should|Were)\\b");
    private static final Pattern HEADLINE_TO = Pattern.compile(
            "(?i)(?<!agree|agrees|agreed|vow|vows|vowed|move|moves)\\s+to\\s+(?:hold\\s+|sign\\s+|make\\s+|pay\\s+)?$");
    /** Past-tense triggers tell what happened, even after "will" ("will be the first to visit since X visited"). */
    private static final Pattern PAST_TRIGGER = Pattern.compile("(?i)^(?:[\\p{L}-]+ed|struck|met|fought|held talks|"
            + "spoke by (?:phone|telephone)|freed|shot down|hit|flew to|set free)\\b.*");
    /** Types aimed at someone: the target is whom the act addresses, wherever it was done. */
    private static final Set<SignalType> ADDRESSED = Set.of(SignalType.THREAT, SignalType.PROTEST,
            SignalType.DIPLOMATIC_DOWNGRADE);
    private static final Pattern TEST = Pattern.compile("(?i)missile|test|launch");
    private static final Set<String> HOST_TRIGGERS = Set.of("hosted", "hosts", "welcomed");
    /** The target named right after a threatened strike: "would strike Lebanon", "keep hitting Russian refineries". */
    private static final Pattern THREAT_OBJECT = Pattern.compile("^\\s+(?:(?:at|on|in|inside|into|the|targets in)\\s+)?"
            + "[A-Z]");

    private final EventLexicon lexicon;

    WindowRoles(EventLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * How a trigger reads: null when it tells no event (denied, hypothetical, or nobody named); otherwise the type it
     * is signalled as (a strike said to come is a threat), whether it is planned, and the parties.
     */
    Reading read(String sentence, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> t, SignalType type, boolean headline,
                 List<Mention> ms, List<String> dominant) {
        Cue.Mood mood = mood(sentence, cues, t, type, headline);
        if (mood == Cue.Mood.NEGATION) {
            return null;
        }
        SignalType as = type;
        if (type == SignalType.STRIKE && mood != null) {
            // "Israel would strike Lebanon forcefully if ...", "vowed that Ukraine would keep hitting Russian
            // refineries": a strike said to come, by a named state on a named state, is a threat.
            as = SignalType.THREAT;
            mood = null;
        } else if (mood == Cue.Mood.HYPOTHETICAL) {
            return null;
        }
        List<Party> parties = parties(type, sentence, ms, t, dominant);
        if (as != type) {
            parties = parties.stream().filter(p -> !p.inferred() && p.actor() != null).toList();
            if (!THREAT_OBJECT.matcher(sentence.substring(t.end())).find()) {
                parties = List.of(); // "would answer for every strike": no one named as the target
            }
        }
        return parties.isEmpty() ? null : new Reading(as, mood == Cue.Mood.PLANNED, parties);
    }

    /** The mood of a trigger: cues between the start of its clause and the trigger. */
    private static Cue.Mood mood(String sentence, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> trigger,
                                 SignalType type, boolean headline) {
        boolean threat = type == SignalType.THREAT;
        if (!threat && CONDITIONAL_START.matcher(sentence).lookingAt()) {
            return Cue.Mood.HYPOTHETICAL;
        }
        boolean past = PAST_TRIGGER.matcher(trigger.phrase()).matches();
        int clauseStart = Clauses.start(sentence, trigger.start());
        Cue.Mood result = null;
        for (PhraseMatch<Cue> m : cues) {
            if (!(m.payload() instanceof Cue.Modality mod) || m.start() < clauseStart || m.end() > trigger.start()) {
                continue;
            }
            switch (mod.mood()) {
                case NEGATION, BACKGROUND -> {
                    return Cue.Mood.NEGATION;
                }
                case HYPOTHETICAL -> {
                    if (!threat) {
                        result = Cue.Mood.HYPOTHETICAL;
                    }
                }
                case PLANNED -> {
                    if (result == null && !past) {
                        result = Cue.Mood.PLANNED;
                    }
                }
                default -> { }
            }
        }
        // Headlinese: "Kishida to visit Seoul on Sunday" announces a visit.
        if (result == null && headline && !past && HEADLINE_TO.matcher(sentence.substring(0, trigger.start())).find()) {
            result = Cue.Mood.PLANNED;
        }
        return result;
    }

    /** Who and whom (several pairs for lists: "spoke with A and with B"); empty when the sentence does not say. */
    private List<Party> parties(SignalType type, String sentence, List<Mention> ms, PhraseMatch<Cue> t,
                                List<String> dominant) {
        if (lexicon.placeOnly(type)) {
            Mention where = ms.stream().filter(m -> m.start() >= headEnd(t) && m.isWhere()).findFirst()
                    .orElse(ms.stream().filter(m -> m.end() <= t.start() && m.isWhere())
                            .reduce((a, b) -> b).orElse(null));
            if (where == null && ms.stream().map(Mention::code).distinct().count() == 1) {
                where = ms.get(0);
            }
            return where == null ? List.of() : List.of(new Party(null, where.code(), false));
        }
        if (!type.directed()) {
            return pairs(type, sentence, ms, t, dominant);
        }
        List<Mention> before = ms.stream().filter(m -> m.end() <= t.start()).toList();
        List<Mention> after = ms.stream().filter(m -> m.start() >= headEnd(t)).toList();
        // "were struck by Israeli jets": the doer of a passive is the first party after the trigger.
        Mention agent = !after.isEmpty() && after.get(0).agent() && passive(sentence, t, after.get(0), before)
                ? after.get(0) : null;
        String actor;
        String target;
        if (agent != null) {
            actor = agent.code();
            target = nearestBefore(before, m -> !m.code().equals(agent.code()));
            if (target == null) {
                target = after.stream().filter(m -> m != agent && !m.code().equals(agent.code()))
                        .map(Mention::code).findFirst().orElse(null);
            }
        } else {
            actor = nearestBefore(before, Mention::canAct);
            if (AND_BEFORE.matcher(sentence.substring(Math.max(0, t.start() - 20), t.start())).find()) {
                // "Eritrea's minister accused Addis Ababa ... and warned": the subject does both
                actor = before.stream().filter(Mention::canAct).map(Mention::code).findFirst().orElse(actor);
            }
            String a = actor;
            Optional<String> object = after.stream().filter(m -> !m.code().equals(a)).map(Mention::code).findFirst();
            target = ADDRESSED.contains(type) ? object.orElse(null)
                    : after.stream().filter(m -> m.isWhere() && !m.code().equals(a)).map(Mention::code).findFirst()
                            .orElse(object.orElse(null));
        }
        if (type == SignalType.MOBILIZATION && actor != null) {
            // Deployed near, around or along a country's border; raised alert in a standoff with the other country
            // of the story; else a test aimed at nobody in particular.
            String a = actor;
            boolean test = TEST.matcher(t.phrase()).find();
            // A test lands somewhere in its own clause ("fired a missile into Japan's waters"), not in the next one.
            int clauseEnd = test ? Clauses.end(sentence, t.end()) : sentence.length();
            String where = after.stream().filter(m -> m.isWhere() && !m.code().equals(a) && m.end() <= clauseEnd)
                    .map(Mention::code).findFirst().orElse(null);
            if (where == null && !test && dominant != null && dominant.contains(a)) {
                where = otherOf(dominant, a);
            }
            if (where == null && !test) {
                where = after.stream().filter(m -> !m.code().equals(a)).map(Mention::code).findFirst().orElse(null);
            }
            return List.of(new Party(actor, where == null ? a : where, false));
        }
        if (type == SignalType.PLEDGE && (actor == null || target == null)) {
            // Joint commitments: "Tehran and Islamabad pledged ...", "Both countries have expressed a commitment".
            return pairs(type, sentence, ms, t, dominant);
        }
        if (type == SignalType.RELEASE && agent == null) {
            // "Russia and Ukraine each freed 303 soldiers", "A and B exchanged prisoners": each frees the other's.
            List<Mention> both = coordinated(sentence, before);
            if (both != null && (target == null || both.stream().anyMatch(m -> m.code().equals(
                    after.stream().map(Mention::code).findFirst().orElse(""))))) {
                String x = both.get(0).code();
                String y = both.get(1).code();
                return List.of(new Party(x, y, false), new Party(y, x, false));
            }
        }
        if (type == SignalType.VISIT && actor == null && target != null && dominant != null
                && dominant.contains(target) && OFFICIAL.matcher(sentence.substring(0, t.start())).find()) {
            // "Prime Minister X made a surprise stopover in Lahore to meet his Pakistani counterpart": an official
            // named without a country, in an article about two countries, comes from the other one.
            actor = otherOf(dominant, target);
            return List.of(new Party(actor, target, true));
        }
        if (actor == null || target == null) {
            return List.of();
        }
        if (type == SignalType.VISIT && HOST_TRIGGERS.contains(t.phrase().toLowerCase(Locale.ROOT))) {
            return List.of(new Party(target, actor, false));
        }
        return List.of(new Party(actor, target, false));
    }

    /**
     * Where a trigger's object may start: after its head for a split trigger ("expelled Pakistan's ambassador":
     * Pakistan is whom the act addresses), else after the trigger.
     */
    static int headEnd(PhraseMatch<Cue> t) {
        int gap = t.phrase().indexOf(" " + EventLexicon.GAP + " ");
        return gap < 0 ? t.end() : Math.min(t.end(), t.start() + gap);
    }

    /** Whether the "by" party after a trigger is its doer: a passive ("was hit by"), or "by" right after it. */
    private static boolean passive(String sentence, PhraseMatch<Cue> t, Mention agent, List<Mention> before) {
        String lead = sentence.substring(Math.max(0, t.start() - 30), t.start());
        if (AUX_BEFORE.matcher(lead).find() || BY_RIGHT_AFTER.matcher(sentence.substring(headEnd(t), agent.start())).lookingAt()) {
            return true;
        }
        int clause = Clauses.start(sentence, t.start());
        return before.stream().noneMatch(m -> m.start() >= clause && m.canAct());
    }

    /** The last two countries before a trigger when they are joined by "and": "Russia and Ukraine each freed". */
    private static List<Mention> coordinated(String sentence, List<Mention> before) {
        List<Mention> actors = before.stream().filter(Mention::canAct).toList();
        if (actors.size() < 2) {
            return null;
        }
        Mention a = actors.get(actors.size() - 2);
        Mention b = actors.get(actors.size() - 1);
        if (a.code().equals(b.code()) || !sentence.substring(a.end(), b.start()).matches("(?s)\\s*(?:and|&)\\s+")) {
            return null;
        }
        return List.of(a, b);
    }

    private static String nearestBefore(List<Mention> before, Predicate<Mention> ok) {
        for (int i = before.size() - 1; i >= 0; i--) {
            if (ok.test(before.get(i))) {
                return before.get(i).code();
            }
        }
        return null;
    }

    /**
     * The two countries nearest the trigger (the parties before the places where it happened: talks "in Brussels"
     * are not Belgium's), one pair per country of a list ("spoke by phone with A and with B"), or the article's main
     * pair when the sentence says "both countries" or names one of the two with an official.
     */
    private static List<Party> pairs(SignalType type, String sentence, List<Mention> ms, PhraseMatch<Cue> t,
                                     List<String> dominant) {
        List<Mention> before = ms.stream().filter(m -> m.end() <= t.start()).toList();
        List<Mention> both = coordinated(sentence, before);
        if (both != null && (type != SignalType.TALKS || listed(sentence, ms, t).isEmpty())) {
            return List.of(sorted(both.get(0).code(), both.get(1).code(), false)); // "Saudi Arabia and Iran agreed"
        }
        // "Serbian President X and Kosovo Prime Minister Y ... after talks in Brussels": the parties named before
        // the trigger come before the place where it happened.
        boolean partiesBefore = before.stream().filter(Mention::canAct).map(Mention::code).distinct().count() >= 2;
        List<Mention> byDistance = new ArrayList<>(ms);
        byDistance.sort(Comparator.comparingInt((Mention m) -> partiesBefore && m.isWhere() ? 1 : 0)
                .thenComparingInt(m -> distance(m, t)));
        List<String> codes = byDistance.stream().map(Mention::code).distinct().toList();
        if (codes.size() >= 2) {
            if (type == SignalType.TALKS) {
                List<Party> list = listed(sentence, ms, t);
                if (!list.isEmpty()) {
                    return list;
                }
            }
            return List.of(sorted(codes.get(0), codes.get(1), false));
        }
        if (dominant == null) {
            return List.of();
        }
        boolean pairWords = PAIR_WORDS.matcher(sentence).find();
        // "The foreign ministers of the two countries are due to meet in the Angolan capital Luanda": the only
        // country named is where, so the parties are the article's pair.
        boolean onlyPlaces = pairWords && ms.stream().filter(Mention::canAct).allMatch(m -> dominant.contains(m.code()));
        if (codes.isEmpty() ? pairWords
                : onlyPlaces || dominant.contains(codes.get(0)) && (pairWords || OFFICIAL.matcher(sentence).find())) {
            return List.of(sorted(dominant.get(0), dominant.get(1), codes.isEmpty()));
        }
        return List.of();
    }

    /** "X spoke with A and with B": one subject before the trigger, a list of two or more after it. */
    private static List<Party> listed(String sentence, List<Mention> ms, PhraseMatch<Cue> t) {
        int clause = Clauses.start(sentence, t.start());
        List<String> subject = ms.stream().filter(m -> m.end() <= t.start() && m.start() >= clause && m.canAct())
                .map(Mention::code).distinct().toList();
        if (subject.size() != 1) {
            return List.of();
        }
        String s = subject.get(0);
        List<Mention> objects = ms.stream().filter(m -> m.start() >= headEnd(t) && m.canAct() && !m.code().equals(s))
                .toList();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Mention m = objects.get(i);
            if (i > 0) {
                String between = sentence.substring(objects.get(i - 1).end(), m.start());
                if (between.length() > 60 || !between.matches("(?s).*\\band\\b.*") || between.contains(";")) {
                    break;
                }
            }
            if (!codes.contains(m.code())) {
                codes.add(m.code());
            }
        }
        if (codes.size() < 2) {
            return List.of();
        }
        return codes.stream().map(o -> sorted(s, o, false)).toList();
    }

    /** Joint acts are reported as the pair in alphabetical order. */
    static Party sorted(String a, String b, boolean inferred) {
        return a.compareTo(b) <= 0 ? new Party(a, b, inferred) : new Party(b, a, inferred);
    }

    /** The article's pair as a joint act's parties, taken from the article, not the sentence. */
    static Party articlePair(List<String> dominant) {
        return sorted(dominant.get(0), dominant.get(1), true);
    }

    /** The other country of the article's pair, {@code code} being one of them. */
    static String otherOf(List<String> dominant, String code) {
        return dominant.get(0).equals(code) ? dominant.get(1) : dominant.get(0);
    }

    private static int distance(Mention m, PhraseMatch<Cue> t) {
        return m.end() <= t.start() ? t.start() - m.end() : m.start() >= t.end() ? m.start() - t.end() : 0;
    }
}
