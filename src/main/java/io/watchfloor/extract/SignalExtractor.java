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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an article into signals: for every sentence, the countries named (directly, by capital, adjective, place
 * or a named official), the event phrases of the lexicon (with traps, contexts and modality), who did it to whom
 * from the sentence's structure, and when it happened.
 */
public final class SignalExtractor implements Extractor {
    /** Prepositions of place before a mention: "in southwestern Pakistan", "inside Iran", "on Israel's". */
    private static final Pattern LOCATIVE_BEFORE = Pattern.compile(
            "(?:(?:^|\\s)(?:in|inside|into|on|onto|against|at|over|across|targeting|targeted|toward|towards|near|to|around)"
            + "|(?:border|boundary|frontier|borders)\\s+with)"
            + "\\s+(?:(?!(?:what|which|who|whom|that|where|when)\\s)[a-z][\\p{L}-]*\\s+){0,3}$");
    private static final Pattern AGENT_BEFORE = Pattern.compile("(?:^|\\s)by\\s+(?:[a-z][\\p{L}-]*\\s+){0,2}$");
    private static final Pattern ANTI_BEFORE = Pattern.compile("(?i)(?:anti|pro)-$");
    /**
     * After a mention: compounds where the country is neither actor nor target ("Pakistan-based group", "Iran-backed
     * Hezbollah", "China-brokered deal", "US- and French-brokered truce").
     */
    private static final Pattern NOT_A_PARTY_AFTER = Pattern.compile("^-(?:\\s|(?:based|backed|brokered|born|made|"
            + "funded|sponsored|supplied|built|designed|aligned|allied|mediated|trained|armed|supported|educated|"
            + "listed|registered|owned|flagged)\\b)");
    /** After a mention: the place is named by who holds it ("Indian-administered Kashmir"): a where. */
    private static final Pattern HELD_AFTER = Pattern.compile("^-(?:administered|controlled|held|occupied|run)\\b");
    /** Words between a trigger and a later date that show the date belongs to another event. */
    private static final Pattern OTHER_EVENT_BETWEEN = Pattern.compile("(?i)\\b(?:after|before|following|since|"
            + "when|while|which|who|prompting|until|ahead of|than|whereas|but)\\b");
    /** Past-tense triggers tell what happened, even after "will" ("will be the first to visit since X visited"). */
    private static final Pattern PAST_TRIGGER = Pattern.compile("(?i)^(?:[\\p{L}-]+ed|struck|met|fought|held talks|"
            + "spoke by (?:phone|telephone)|freed|shot down|hit|flew to|set free)\\b.*");
    /** Words that stand for the article's main pair of countries. */
    private static final Pattern PAIR_WORDS = Pattern.compile("(?i)\\b(?:both countries|the two countries|"
            + "both nations|the two nations|their nations|their countries|both sides|the two sides|the two neighbours|"
            + "the two neighbors|both governments|the ministers|the two ministers|bilateral|they|both)\\b");
    private static final Pattern CONDITIONAL_START = Pattern.compile("^(?:If|Unless|Should|Were)\\b");
    private static final Pattern HEADLINE_TO = Pattern.compile(
            "(?i)(?<!agree|agrees|agreed|vow|vows|vowed|move|moves)\\s+to\\s+(?:hold\\s+|sign\\s+|make\\s+|pay\\s+)?$");
    private static final Set<String> HOST_TRIGGERS = Set.of("hosted", "hosts", "welcomed");

    private final ActorCatalog catalog;
    private final PhraseMatcher<ActorForm> actors;
    private final EventLexicon lexicon;
    private final DateResolver dates = new DateResolver();

    public SignalExtractor(ActorCatalog catalog, EventLexicon lexicon) {
        this.catalog = catalog;
        this.lexicon = lexicon;
        PhraseMatcher.Builder<ActorForm> b = PhraseMatcher.<ActorForm>builder().caseSensitive(true);
        for (ActorForm f : catalog.forms()) {
            b.add(f.text(), f);
        }
        // Ambiguous and disputed names are matched so that the longest-match rule keeps them from being read as a
        // shorter, unambiguous form ("Jammu and Kashmir" is not "Jammu"), and then ignored.
        for (AmbiguousForm a : catalog.ambiguous()) {
            b.add(a.form(), new ActorForm(a.form(), "", FormKind.PLACE));
        }
        for (DisputedPlace d : catalog.disputed()) {
            b.add(d.name(), new ActorForm(d.name(), "", FormKind.PLACE));
        }
        this.actors = b.build();
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
        PersonRegistry people = new PersonRegistry();
        List<List<Mention>> countryMentions = new ArrayList<>();
        for (SentenceSplitter.Sentence s : sentences) {
            List<Mention> ms = countryMentions(s.text());
            people.learn(s.text(), ms);
            countryMentions.add(ms);
        }
        PhraseMatcher<String> persons = personMatcher(people.names());
        Map<String, Integer> counts = new HashMap<>();
        List<List<Mention>> mentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Mention> ms = new ArrayList<>(countryMentions.get(i));
            ms.addAll(personMentions(sentences.get(i).text(), persons, ms));
            ms.sort(Comparator.comparingInt(Mention::start));
            ms.forEach(m -> counts.merge(m.code(), 1, Integer::sum));
            mentions.add(ms);
        }
        List<String> dominant = dominantPair(counts);
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

        Map<String, Found> found = new LinkedHashMap<>();
        Map<Integer, Map<Category, LocalDate>> narrative = new HashMap<>();
        LocalDate anchor = null;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceSplitter.Sentence s = sentences.get(i);
            List<PhraseMatch<Cue>> c = cues.get(i);
            // Sport, business, weather and culture sentences (and articles) do not report interstate events.
            if (offTopicArticle || c.stream().anyMatch(m -> m.payload() instanceof Cue.Context)) {
                continue;
            }
            LocalDate sentenceAnchor = anchor; // "two days later": after the event told before this sentence
            List<PhraseMatch<Cue>> triggers = triggers(c);
            boolean mobilized = false;
            for (PhraseMatch<Cue> t : triggers) {
                SignalType type = ((Cue.Trigger) t.payload()).type();
                if (type == SignalType.MOBILIZATION && mobilized) {
                    continue; // "deployed troops ... an unprecedented build-up": one deployment
                }
                Cue.Mood mood = mood(s.text(), c, t, type, s.paragraph() == 0);
                if (mood == Cue.Mood.NEGATION || mood == Cue.Mood.HYPOTHETICAL) {
                    continue;
                }
                boolean planned = mood == Cue.Mood.PLANNED;
                Party party = parties(type, s.text(), mentions.get(i), t, dominant);
                if (party == null) {
                    continue;
                }
                if (party.actor() != null && party.actor().equals(party.target())
                        && type != SignalType.MOBILIZATION) {
                    continue; // domestic: not a signal between countries
                }
                mobilized |= type == SignalType.MOBILIZATION;
                DateMention when = nearestDate(s.text(), t, triggers, article.published(), planned, sentenceAnchor);
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
                    date = told != null ? told : article.published();
                    dating = told != null ? 1 : 0;
                }
                double confidence = 0.9 - (dating == 2 ? 0 : 0.1) - (party.inferred() ? 0.15 : 0);
                Signal signal = new Signal(type, party.actor(), party.target(), date, planned, s.text(), article,
                        Math.round(confidence * 100) / 100.0);
                String key = type + "|" + signal.actor() + "|" + signal.target() + "|" + date + "|" + planned;
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

    private List<Mention> countryMentions(String sentence) {
        List<Mention> out = new ArrayList<>();
        for (PhraseMatch<ActorForm> m : actors.findLongest(sentence)) {
            ActorForm f = m.payload();
            if (f.code().isEmpty()) {
                continue;
            }
            String before = sentence.substring(Math.max(0, m.start() - 60), m.start());
            if (ANTI_BEFORE.matcher(before).find()) {
                continue; // "anti-Iran armed group": not Iran acting
            }
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 16));
            if (NOT_A_PARTY_AFTER.matcher(after).find()) {
                continue;
            }
            Mention.Kind kind = HELD_AFTER.matcher(after).find() ? Mention.Kind.PLACE : kind(f.kind());
            out.add(new Mention(m.start(), m.end(), f.code(), kind,
                    LOCATIVE_BEFORE.matcher(before).find(), AGENT_BEFORE.matcher(before).find()));
        }
        return out;
    }

    private static PhraseMatcher<String> personMatcher(Map<String, String> names) {
        PhraseMatcher.Builder<String> b = PhraseMatcher.<String>builder().caseSensitive(true);
        names.forEach(b::add);
        return b.build();
    }

    private static List<Mention> personMentions(String sentence, PhraseMatcher<String> persons,
                                                List<Mention> countries) {
        List<Mention> out = new ArrayList<>();
        if (persons.size() == 0) {
            return out;
        }
        for (PhraseMatch<String> m : persons.findLongest(sentence)) {
            boolean overlaps = countries.stream().anyMatch(c -> c.start() < m.end() && m.start() < c.end());
            if (!overlaps) {
                String before = sentence.substring(Math.max(0, m.start() - 60), m.start());
                out.add(new Mention(m.start(), m.end(), m.payload(), Mention.Kind.PERSON, false,
                        AGENT_BEFORE.matcher(before).find()));
            }
        }
        return out;
    }

    private static Mention.Kind kind(FormKind k) {
        return switch (k) {
            case NAME -> Mention.Kind.NAME;
            case ADJECTIVE -> Mention.Kind.ADJECTIVE;
            case CAPITAL -> Mention.Kind.CAPITAL;
            case PLACE -> Mention.Kind.PLACE;
        };
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

    private static int clauseStart(String s, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(' || c == '“' || c == '"') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Who and whom, or null when the sentence does not say. */
    private Party parties(SignalType type, String sentence, List<Mention> ms, PhraseMatch<Cue> t,
                          List<String> dominant) {
        if (lexicon.placeOnly(type)) {
            Mention where = ms.stream().filter(m -> m.start() >= t.end() && m.isWhere()).findFirst()
                    .orElse(ms.stream().filter(m -> m.end() <= t.start() && m.isWhere())
                            .reduce((a, b) -> b).orElse(null));
            if (where == null && ms.stream().map(Mention::code).distinct().count() == 1) {
                where = ms.get(0);
            }
            return where == null ? null : new Party(null, where.code(), false);
        }
        if (!type.directed()) {
            return pair(sentence, ms, t, dominant);
        }
        List<Mention> before = ms.stream().filter(m -> m.end() <= t.start()).toList();
        List<Mention> after = ms.stream().filter(m -> m.start() >= t.end()).toList();
        // "were struck by Israeli jets": the doer of a passive is the first party after the trigger.
        Mention agent = !after.isEmpty() && after.get(0).agent() ? after.get(0) : null;
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
            String a = actor;
            target = after.stream().filter(m -> m.isWhere() && !m.code().equals(a)).map(Mention::code).findFirst()
                    .orElse(after.stream().filter(m -> !m.code().equals(a)).map(Mention::code).findFirst()
                            .orElse(null));
        }
        if (type == SignalType.MOBILIZATION && actor != null) {
            // Deployed near, around or along a country's border; else a test or alert aimed at nobody in particular.
            String a = actor;
            String where = after.stream().filter(m -> m.isWhere() && !m.code().equals(a)).map(Mention::code)
                    .findFirst().orElse(a);
            return new Party(actor, where, false);
        }
        if (type == SignalType.PLEDGE && (actor == null || target == null)) {
            // Joint commitments: "Tehran and Islamabad pledged ...", "Both countries have expressed a commitment".
            Party p = pair(sentence, ms, t, dominant);
            return p;
        }
        if (actor == null || target == null) {
            return null;
        }
        if (type == SignalType.VISIT && HOST_TRIGGERS.contains(t.phrase().toLowerCase(Locale.ROOT))) {
            return new Party(target, actor, false);
        }
        return new Party(actor, target, false);
    }

    private static String nearestBefore(List<Mention> before, java.util.function.Predicate<Mention> ok) {
        for (int i = before.size() - 1; i >= 0; i--) {
            if (ok.test(before.get(i))) {
                return before.get(i).code();
            }
        }
        return null;
    }

    /** The two countries nearest the trigger, or the article's main pair when the sentence says "both countries". */
    private static Party pair(String sentence, List<Mention> ms, PhraseMatch<Cue> t, List<String> dominant) {
        List<Mention> byDistance = new ArrayList<>(ms);
        byDistance.sort(Comparator.comparingInt(m -> distance(m, t)));
        List<String> codes = byDistance.stream().map(Mention::code).distinct().toList();
        if (codes.size() >= 2) {
            return sorted(codes.get(0), codes.get(1), false);
        }
        if (dominant != null && PAIR_WORDS.matcher(sentence).find()
                && (codes.isEmpty() || dominant.contains(codes.get(0)))) {
            return sorted(dominant.get(0), dominant.get(1), codes.isEmpty());
        }
        return null;
    }

    /** Joint acts are reported as the pair in alphabetical order. */
    private static Party sorted(String a, String b, boolean inferred) {
        return a.compareTo(b) <= 0 ? new Party(a, b, inferred) : new Party(b, a, inferred);
    }

    private static int distance(Mention m, PhraseMatch<Cue> t) {
        return m.end() <= t.start() ? t.start() - m.end() : m.start() >= t.end() ? m.start() - t.end() : 0;
    }

    /** The two countries the article is mostly about, if two stand out. */
    private static List<String> dominantPair(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).toList();
        if (top.size() < 2 || top.get(1).getValue() < 2
                || top.size() == 3 && top.get(2).getValue().equals(top.get(1).getValue())) {
            return null;
        }
        return List.of(top.get(0).getKey(), top.get(1).getKey());
    }

    /**
     * The date expression of a trigger: the nearest one, preferring its own clause. A date after the trigger is
     * not its date when another event or a subordinate clause comes in between ("struck on Thursday, two days after
     * Tehran fired missiles on Tuesday"); a bare year only dates an event it qualifies ("the 2020 war", "In 2019,").
     */
    private DateMention nearestDate(String sentence, PhraseMatch<Cue> t, List<PhraseMatch<Cue>> triggers,
                                    LocalDate published, boolean planned, LocalDate anchor) {
        List<DateMention> ds = dates.findAll(sentence, published, planned ? Tense.FUTURE : Tense.PAST, anchor);
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
                boolean qualifies = !afterTrigger && gap <= 12;
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
            } else {
                String between = sentence.substring(d.end(), t.start());
                boolean otherEvent = triggers.stream().anyMatch(o -> o != t && o.start() >= d.end()
                        && o.end() <= t.start() && !sameEvent(o, t));
                score = gap + (between.contains(";") || otherEvent ? 1000 : 0);
            }
            if (score < bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static boolean sameEvent(PhraseMatch<Cue> a, PhraseMatch<Cue> b) {
        return a.payload() instanceof Cue.Trigger x && b.payload() instanceof Cue.Trigger y && x.type() == y.type();
    }

    private record Party(String actor, String target, boolean inferred) { }
}
