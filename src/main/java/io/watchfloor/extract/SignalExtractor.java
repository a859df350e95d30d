package io.watchfloor.extract;

import io.watchfloor.model.Article;
import io.watchfloor.model.Category;
import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an article into signals: for every sentence, the countries named (directly, by capital, adjective, place
 * or a named official), the event phrases of the lexicon (with traps, contexts and modality), who did it to whom
 * from the sentence's structure, and when it happened.
 */
public final class SignalExtractor implements Extractor {
    /** A passive trigger: "was struck", "were hit", "had been expelled". */
    private static final Pattern AUX_BEFORE = Pattern.compile(
            "(?i)\\b(?:was|were|been|being|is|are|be)\\s+(?:[a-z]+ly\\s+)?$");
    /** The doer right after a participle: "freed by Ukraine", "hit by at least eight missiles". */
    private static final Pattern BY_RIGHT_AFTER = Pattern.compile("^\\s*(?:[\\p{L}-]+\\s+)?by\\s");
    /** Words that show a date before a trigger is the time of another clause: "on Monday, hours after ...". */
    private static final Pattern OTHER_TIME_BETWEEN = Pattern.compile("(?i)\\b(?:after|before|following|since|"
            + "until|ahead of|prior to)\\b");
    /** "in 2008", "during 1998": a year that can follow its event. */
    private static final Pattern YEAR_PREP = Pattern.compile("(?i)(?:^|\\s)(?:in|during)\\s+(?:the\\s+)?$");
    /** Titles of officials: a sentence naming one speaks of a state's act. */
    private static final Pattern OFFICIAL = Pattern.compile("\\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|"
            + "[Cc]hancellor|[Pp]remier|[Cc]ounterpart|[Ee]nvoy|[Aa]mbassador|[Ll]eaders?|[Dd]elegations?|"
            + "[Ss]ecretary|[Kk]ing|[Ee]mir|[Cc]rown [Pp]rince|[Oo]fficials|[Ff]oreign [Mm]inistry|"
            + "[Ss]pecial [Rr]epresentatives?|[Aa]dviser|[Nn]egotiators)\\b");
    /** A noun trigger that refers back to an event already told: "to monitor the truce". */
    /** The target named right after a threatened strike: "would strike Lebanon", "keep hitting Russian refineries". */
    private static final Pattern THREAT_OBJECT = Pattern.compile("^\\s+(?:(?:at|on|in|inside|into|the|targets in)\\s+)?"
            + "[A-Z]");
    /** A coordinated verb: "accused Addis Ababa ... and warned": its doer is the subject of the sentence. */
    private static final Pattern AND_BEFORE = Pattern.compile("(?i)\\band\\s+(?:also\\s+|then\\s+|later\\s+)?$");
    /** "two days after Tehran fired missiles": the event of the clause is that long before the main one. */
    private static final Pattern OFFSET_BEFORE = Pattern.compile("(?i)\\b((?:\\d{1,2}|a|an|one|two|three|four|five|six|"
            + "seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\\s+(days?|weeks?))\\s+(after|before)\\s+"
            + "(?:[\\p{L}'’-]+\\s+){0,4}$");
    /** ", his first trip to": a noun phrase that describes the event just told. */
    private static final Pattern APPOSITION_BEFORE = Pattern.compile("(?i)[,;—–]\\s*(?:his|her|its|their|the)\\s+"
            + "(?:(?:first|second|third|latest|maiden|last|fifth|fourth|official|state|surprise)\\s+){1,2}$");
    private static final Pattern DEFINITE_BEFORE = Pattern.compile("(?i)\\b(?:the|this|that)\\s+$");
    /** Words between a trigger and a later date that show the date belongs to another event. */
    private static final Pattern OTHER_EVENT_BETWEEN = Pattern.compile("(?i)\\b(?:after|before|following|since|"
            + "when|while|which|who|prompting|until|ahead of|than|whereas|but)\\b");
    /** Past-tense triggers tell what happened, even after "will" ("will be the first to visit since X visited"). */
    private static final Pattern PAST_TRIGGER = Pattern.compile("(?i)^(?:[\\p{L}-]+ed|struck|met|fought|held talks|"
            + "spoke by (?:phone|telephone)|freed|shot down|hit|flew to|set free)\\b.*");
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
    /** Types aimed at someone: the target is whom the act addresses, wherever it was done. */
    private static final Set<SignalType> ADDRESSED = Set.of(SignalType.THREAT, SignalType.PROTEST,
            SignalType.DIPLOMATIC_DOWNGRADE);
    private static final Pattern TEST = Pattern.compile("(?i)missile|test|launch");
    /** Contexts whose articles report no interstate event of any kind. */
    private static final Set<String> OTHER_WORLDS = Set.of("sports", "culture");
    private static final Set<String> HOST_TRIGGERS = Set.of("hosted", "hosts", "welcomed");

    private final ActorCatalog catalog;
    private final MentionFinder mentions;
    private final EventLexicon lexicon;
    private final DateResolver dates = new DateResolver();

    public SignalExtractor(ActorCatalog catalog, EventLexicon lexicon) {
        this.catalog = catalog;
        this.lexicon = lexicon;
        this.mentions = new MentionFinder(catalog);
    }

    /** The extractor with the lexicon in {@code lexiconDir}/events.yaml, or the built-in one if that is absent. */
    public static SignalExtractor load(ActorCatalog catalog, Path lexiconDir) {
        Path file = lexiconDir.resolve(EventLexicon.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": event lexicon not found");
        }
        return new SignalExtractor(catalog, EventLexicon.load(file));
    }

    public ActorCatalog catalog() {
        return catalog;
    }

    @Override
    public List<Signal> extract(Article article) {
        List<SentenceSplitter.Sentence> sentences = SentenceSplitter.split(article.title(), article.body());
        ArticleMentions named = this.mentions.find(sentences, article.published());
        List<List<Mention>> mentions = named.bySentence();
        List<String> dominant = named.dominant();
        Map<String, Integer> contextCounts = new HashMap<>();
        List<List<PhraseMatch<Cue>>> cues = new ArrayList<>();
        for (SentenceSplitter.Sentence s : sentences) {
            List<PhraseMatch<Cue>> c = lexicon.scan(s.text());
            c.stream().filter(m -> m.payload() instanceof Cue.Context).forEach(m ->
                    contextCounts.merge(((Cue.Context) m.payload()).name(), 1, Integer::sum));
            cues.add(c);
        }
        // An article that is mostly about sport, business or weather does not report war in passing.
        boolean offTopicArticle = contextCounts.values().stream().anyMatch(n -> n >= 3);
        // A match report or a concert tour is no diplomacy either; a quake or a strike by dockworkers may come with a
        // minister's visit.
        boolean otherWorld = contextCounts.entrySet().stream()
                .anyMatch(e -> e.getValue() >= 3 && OTHER_WORLDS.contains(e.getKey()));

        Map<String, Found> found = new LinkedHashMap<>();
        Map<Integer, Map<Category, LocalDate>> narrative = new HashMap<>();
        LocalDate anchor = null;
        // The previous sentence, whose one date a sentence of the same paragraph without its own date takes on.
        SaidDates previous = null;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceSplitter.Sentence s = sentences.get(i);
            List<PhraseMatch<Cue>> c = cues.get(i);
            SaidDates carrier = i > 0 && sentences.get(i - 1).paragraph() == s.paragraph() && s.paragraph() > 0
                    ? previous : null;
            previous = null;
            // Sport, business, weather and culture sentences do not report interstate events, and an article mostly
            // about them does not report war in passing (it may still report a minister's visit).
            if (c.stream().anyMatch(m -> m.payload() instanceof Cue.Context)) {
                continue;
            }
            LocalDate sentenceAnchor = anchor; // "two days later": after the event told before this sentence
            List<PhraseMatch<Cue>> triggers = triggers(c);
            List<DateMention> pastDates = null; // the sentence's dates, parsed once
            if (!triggers.isEmpty()) {
                pastDates = dates.findAll(s.text(), article.published(), Tense.PAST, sentenceAnchor);
                previous = new SaidDates(s.text(), sentenceAnchor, pastDates);
            } else if (c.isEmpty()) {
                // Parsed only if the next sentence needs it: most sentences without cues never do.
                previous = new SaidDates(s.text(), sentenceAnchor, null);
            }
            boolean mobilized = false;
            boolean threatened = false;
            for (PhraseMatch<Cue> t : triggers) {
                SignalType type = ((Cue.Trigger) t.payload()).type();
                if (otherWorld || offTopicArticle && type.category() == Category.ESCALATION) {
                    continue;
                }
                if (type == SignalType.MOBILIZATION && mobilized) {
                    continue; // "deployed troops ... an unprecedented build-up": one deployment
                }
                if (refersBack(s.text(), t, triggers)) {
                    continue;
                }
                Cue.Mood mood = mood(s.text(), c, t, type, s.paragraph() == 0);
                if (mood == Cue.Mood.NEGATION) {
                    continue;
                }
                SignalType as = type;
                if (type == SignalType.STRIKE && mood != null) {
                    // "Israel would strike Lebanon forcefully if ...", "vowed that Ukraine would keep hitting
                    // Russian refineries": a strike said to come, by a named state on a named state, is a threat.
                    as = SignalType.THREAT;
                    mood = null;
                } else if (mood == Cue.Mood.HYPOTHETICAL) {
                    continue;
                }
                boolean planned = mood == Cue.Mood.PLANNED;
                List<Party> parties = parties(type, s.text(), mentions.get(i), t, dominant);
                if (as != type) {
                    parties = parties.stream().filter(p -> !p.inferred() && p.actor() != null).toList();
                    if (!THREAT_OBJECT.matcher(s.text().substring(t.end())).find()) {
                        parties = List.of(); // "would answer for every strike": no one named as the target
                    }
                }
                if (parties.isEmpty()) {
                    continue;
                }
                List<DateMention> ds = planned
                        ? dates.findAll(s.text(), article.published(), Tense.FUTURE, sentenceAnchor) : pastDates;
                DateMention when = nearestDate(s.text(), t, triggers, article.published(), planned, ds);
                if (((Cue.Trigger) t.payload()).dated()
                        && (when == null || when.precision() != DatePrecision.YEAR || planned)) {
                    continue; // "the 2020 war" is an event of its year; "the war" is the story's background
                }
                if (type == SignalType.THREAT && threatened) {
                    continue; // "warned Venezuela that it would face ...": one threat
                }
                threatened |= type == SignalType.THREAT || as == SignalType.THREAT;
                LocalDate date;
                int dating; // 2: said in the sentence, 1: the time of the paragraph's story, 0: the article's date
                if (when != null) {
                    date = when.date();
                    dating = 2;
                    if (!planned) {
                        anchor = date;
                        narrative.computeIfAbsent(s.paragraph(), p -> new EnumMap<>(Category.class))
                                .put(type.category(), date);
                    }
                } else {
                    LocalDate told = planned ? null
                            : narrative.getOrDefault(s.paragraph(), Map.of()).get(type.category());
                    if (told == null && !planned && carrier != null) {
                        told = carrier.single(article.published());
                    }
                    date = told != null ? told : article.published();
                    dating = told != null ? 1 : 0;
                }
                for (Party party : parties) {
                if (party.actor() != null && party.actor().equals(party.target())
                        && type != SignalType.MOBILIZATION) {
                    continue; // domestic: not a signal between countries
                }
                mobilized |= type == SignalType.MOBILIZATION;
                double confidence = 0.9 - (dating == 2 ? 0 : 0.1) - (party.inferred() ? 0.15 : 0);
                Signal signal = new Signal(as, party.actor(), party.target(), date, planned, s.text(), article,
                        Math.round(confidence * 100) / 100.0);
                String key = as + "|" + signal.actor() + "|" + signal.target() + "|" + date + "|" + planned;
                Found old = found.get(key);
                boolean headline = s.paragraph() == 0;
                if (old == null) {
                    found.put(key, new Found(signal, dating, headline));
                } else if (old.headline() && !headline) {
                    // A body sentence is better evidence than the headline.
                    found.put(key, new Found(withConfidence(signal, Math.max(old.signal().confidence(),
                            signal.confidence())), Math.max(dating, old.dating()), false));
                } else if (old.signal().confidence() < signal.confidence()) {
                    found.put(key, new Found(withConfidence(old.signal(), signal.confidence()),
                            Math.max(dating, old.dating()), old.headline()));
                }
                }
            }
        }
        // The same event told again without a date ("The strikes killed four people", the headline) is not a new
        // event: when the article dates an event of the same type, pair and mood, the undated mention is dropped.
        Map<String, Integer> bestDating = new HashMap<>();
        for (Found f : found.values()) {
            bestDating.merge(f.eventKey(), f.dating(), Math::max);
        }
        List<Signal> out = new ArrayList<>();
        for (Found f : found.values()) {
            if (f.dating() == 0 && bestDating.get(f.eventKey()) > 0) {
                continue;
            }
            out.add(f.signal());
        }
        return List.copyOf(out);
    }

    private static Signal withConfidence(Signal s, double confidence) {
        return new Signal(s.type(), s.actor(), s.target(), s.eventDate(), s.planned(), s.evidence(), s.article(),
                confidence);
    }

    /** A signal found, how its date was found, and whether it comes from the headline. */
    private record Found(Signal signal, int dating, boolean headline) {
        String eventKey() {
            return signal.type() + "|" + signal.actor() + "|" + signal.target() + "|" + signal.planned();
        }
    }








    /** Triggers not covered by a trap, longest first at each place, without overlaps. */
    private static List<PhraseMatch<Cue>> triggers(List<PhraseMatch<Cue>> cues) {
        List<PhraseMatch<Cue>> traps = cues.stream().filter(m -> m.payload() instanceof Cue.Trap).toList();
        List<PhraseMatch<Cue>> out = new ArrayList<>();
        int until = -1;
        for (PhraseMatch<Cue> m : cues) { // sorted by start, longer first
            if (!(m.payload() instanceof Cue.Trigger) || m.start() < until) {
                continue;
            }
            boolean trapped = traps.stream().anyMatch(t -> t.start() < m.end() && m.start() < t.end());
            until = m.end();
            if (!trapped) {
                out.add(m);
            }
        }
        return out;
    }

    /** The mood of a trigger: cues between the start of its clause and the trigger. */
    private static Cue.Mood mood(String sentence, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> trigger,
                                 SignalType type, boolean headline) {
        boolean threat = type == SignalType.THREAT;
        if (!threat && CONDITIONAL_START.matcher(sentence).find()) {
            return Cue.Mood.HYPOTHETICAL;
        }
        boolean past = PAST_TRIGGER.matcher(trigger.phrase()).matches();
        int clauseStart = clauseStart(sentence, trigger.start());
        Cue.Mood result = null;
        for (PhraseMatch<Cue> m : cues) {
            if (!(m.payload() instanceof Cue.Modality mod) || m.start() < clauseStart || m.end() > trigger.start()) {
                continue;
            }
            switch (mod.mood()) {
                case NEGATION -> {
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

    private static int clauseEnd(String s, int pos) {
        for (int i = pos; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(') {
                return i;
            }
        }
        return s.length();
    }

    private static int clauseStart(String s, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(') {
                return i + 1;
            }
        }
        return 0;
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
            int clauseEnd = test ? clauseEnd(sentence, t.end()) : sentence.length();
            String where = after.stream().filter(m -> m.isWhere() && !m.code().equals(a) && m.end() <= clauseEnd)
                    .map(Mention::code).findFirst().orElse(null);
            if (where == null && !test && dominant != null && dominant.contains(a)) {
                where = dominant.get(0).equals(a) ? dominant.get(1) : dominant.get(0);
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
            actor = dominant.get(0).equals(target) ? dominant.get(1) : dominant.get(0);
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
    private static int headEnd(PhraseMatch<Cue> t) {
        int gap = t.phrase().indexOf(" " + EventLexicon.GAP + " ");
        return gap < 0 ? t.end() : Math.min(t.end(), t.start() + gap);
    }

    /** Whether the "by" party after a trigger is its doer: a passive ("was hit by"), or "by" right after it. */
    private static boolean passive(String sentence, PhraseMatch<Cue> t, Mention agent, List<Mention> before) {
        String lead = sentence.substring(Math.max(0, t.start() - 30), t.start());
        if (AUX_BEFORE.matcher(lead).find() || BY_RIGHT_AFTER.matcher(sentence.substring(headEnd(t), agent.start())).find()) {
            return true;
        }
        int clause = clauseStart(sentence, t.start());
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

    /** A noun trigger after "the" in the clause of another event refers back to an event told before. */
    private static boolean refersBack(String sentence, PhraseMatch<Cue> t, List<PhraseMatch<Cue>> triggers) {
        // "Modi will travel to Tianjin ..., his first trip to China in seven years": the same event described again.
        if (APPOSITION_BEFORE.matcher(sentence.substring(Math.max(0, t.start() - 30), t.start())).find()
                && triggers.stream().anyMatch(o -> o != t && o.end() <= t.start()
                        && ((Cue.Trigger) o.payload()).type() == ((Cue.Trigger) t.payload()).type())) {
            return true;
        }
        if (!DEFINITE_BEFORE.matcher(sentence.substring(Math.max(0, t.start() - 6), t.start())).find()) {
            return false;
        }
        int clause = clauseStart(sentence, t.start());
        return triggers.stream().anyMatch(o -> o != t && o.end() <= t.start() && o.start() >= clause
                && ((Cue.Trigger) o.payload()).type() != ((Cue.Trigger) t.payload()).type());
    }

    private static String nearestBefore(List<Mention> before, java.util.function.Predicate<Mention> ok) {
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
        int clause = clauseStart(sentence, t.start());
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
    private static Party sorted(String a, String b, boolean inferred) {
        return a.compareTo(b) <= 0 ? new Party(a, b, inferred) : new Party(b, a, inferred);
    }

    private static int distance(Mention m, PhraseMatch<Cue> t) {
        return m.end() <= t.start() ? t.start() - m.end() : m.start() >= t.end() ? m.start() - t.end() : 0;
    }

    /**
     * The date expression of a trigger: the nearest one, preferring its own clause. A date after the trigger is
     * not its date when another event or a subordinate clause comes in between ("struck on Thursday, two days after
     * Tehran fired missiles on Tuesday"); a bare year only dates an event it qualifies ("the 2020 war", "In 2019,").
     */
    private DateMention nearestDate(String sentence, PhraseMatch<Cue> t, List<PhraseMatch<Cue>> triggers,
                                    LocalDate published, boolean planned, List<DateMention> ds) {
        DateMention best = null;
        int bestScore = Integer.MAX_VALUE;
        for (DateMention d : ds) {
            if (planned && d.date().isBefore(published)) {
                continue; // an announced event is not in the past of its article
            }
            boolean afterTrigger = d.start() >= t.end();
            int gap = d.end() <= t.start() ? t.start() - d.end() : afterTrigger ? d.start() - t.end() : 0;
            if (d.precision() == DatePrecision.YEAR && !d.relative()) {
                String lead = sentence.substring(0, d.start()).strip();
                boolean qualifies = !afterTrigger && gap <= 12
                        || afterTrigger && gap <= 60 && YEAR_PREP.matcher(sentence.substring(0, d.start())).find()
                        && sentence.substring(t.end(), d.start()).indexOf(',') < 0;
                boolean opens = lead.isEmpty() || lead.matches("(?i)(?:in|since|by|during|until)");
                if (!qualifies && !opens) {
                    continue;
                }
            }
            int score;
            if (afterTrigger) {
                String between = sentence.substring(t.end(), d.start());
                boolean otherEvent = triggers.stream().anyMatch(o -> o != t && o.start() >= t.end()
                        && o.end() <= d.start() && !sameEvent(o, t));
                if (otherEvent || between.contains(";")) {
                    continue; // the date of another event told later in the sentence
                }
                // After "after", "when", "which": most likely another clause's time; only a last resort.
                score = gap + (OTHER_EVENT_BETWEEN.matcher(between).find() ? 2000 : 0);
            } else if (d.end() > t.start()) {
                score = 0; // inside a split trigger: "fired on Tuesday more than 300 missiles"
            } else {
                String between = sentence.substring(d.end(), t.start());
                boolean otherEvent = triggers.stream().anyMatch(o -> o != t && o.start() >= d.end()
                        && o.end() <= t.start() && !sameEvent(o, t));
                // "agreed on Thursday ..., after a meeting": the main clause's time, only as a last resort
                score = gap + (between.contains(";") || otherEvent ? 1000 : 0)
                        + (OTHER_TIME_BETWEEN.matcher(between).find() ? 2000 : 0);
            }
            if (score < bestScore) {
                bestScore = score;
                best = d;
            }
        }
        if (!planned) {
            // "on Thursday, two days after Tehran fired missiles": counted back from the main clause's date.
            int clause = clauseStart(sentence, t.start());
            java.util.regex.Matcher off = OFFSET_BEFORE.matcher(sentence.substring(clause, t.start()));
            if (off.find()) {
                int offStart = clause + off.start();
                DateMention main = null;
                for (DateMention d : ds) {
                    if (d.end() <= offStart) {
                        main = d;
                    }
                }
                int n = DateResolver.number(off.group(1).replaceAll("\\s+(?:days?|weeks?)$", ""));
                if (main != null && n > 0) {
                    long days = (off.group(2).toLowerCase(Locale.ROOT).startsWith("week") ? 7L : 1L) * n;
                    LocalDate d = off.group(3).equalsIgnoreCase("after") ? main.date().minusDays(days)
                            : main.date().plusDays(days);
                    if (!d.isAfter(published)) {
                        return new DateMention(main.start(), main.end(), d, DatePrecision.DAY, true, main.text());
                    }
                }
                return best != null && best.end() <= offStart ? null : best;
            }
        }
        return best;
    }

    private static boolean sameEvent(PhraseMatch<Cue> a, PhraseMatch<Cue> b) {
        // A visit and the talks held during it, a ceasefire agreed at talks: one story, one time.
        return a.payload() instanceof Cue.Trigger x && b.payload() instanceof Cue.Trigger y
                && x.type().category() == y.type().category();
    }

    private record Party(String actor, String target, boolean inferred) { }

    /** A sentence's dates in the past tense, parsed on first use. */
    private final class SaidDates {
        private final String text;
        private final LocalDate anchor;
        private List<DateMention> said;

        SaidDates(String text, LocalDate anchor, List<DateMention> said) {
            this.text = text;
            this.anchor = anchor;
            this.said = said;
        }

        /** The sentence's date when it says exactly one, to the day; otherwise null. */
        LocalDate single(LocalDate published) {
            if (said == null) {
                said = dates.findAll(text, published, Tense.PAST, anchor);
            }
            return said.size() == 1 && said.get(0).precision() == DatePrecision.DAY ? said.get(0).date() : null;
        }
    }
}
