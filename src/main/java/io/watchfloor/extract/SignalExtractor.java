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
            "(?:^|\\s)(?:in|inside|into|on|onto|against|at|over|across|targeting|targeted|toward|towards|near|to)"
            + "\\s+(?:[a-z][\\p{L}-]*\\s+){0,3}$");
    private static final Pattern AGENT_BEFORE = Pattern.compile("(?:^|\\s)by\\s+(?:[a-z][\\p{L}-]*\\s+){0,2}$");
    private static final Pattern ANTI_BEFORE = Pattern.compile("(?i)(?:anti|pro)-$");
    /** Words that stand for the article's main pair of countries. */
    private static final Pattern PAIR_WORDS = Pattern.compile("(?i)\\b(?:both countries|the two countries|"
            + "both nations|the two nations|their nations|their countries|both sides|the two sides|the two neighbours|"
            + "the two neighbors|both governments|the ministers|the two ministers|bilateral|they|both)\\b");
    private static final Pattern CONDITIONAL_START = Pattern.compile("^(?:If|Unless|Should|Were)\\b");
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

        Map<String, Signal> found = new LinkedHashMap<>();
        Map<String, Boolean> fromHeadline = new HashMap<>();
        Map<Integer, Map<Category, LocalDate>> narrative = new HashMap<>();
        LocalDate anchor = null;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceSplitter.Sentence s = sentences.get(i);
            List<PhraseMatch<Cue>> c = cues.get(i);
            boolean offTopic = offTopicArticle || c.stream().anyMatch(m -> m.payload() instanceof Cue.Context);
            for (PhraseMatch<Cue> t : triggers(c)) {
                SignalType type = ((Cue.Trigger) t.payload()).type();
                if (offTopic && type.escalation()) {
                    continue;
                }
                Cue.Mood mood = mood(s.text(), c, t, type);
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
                DateMention when = nearestDate(s.text(), t, article.published(), planned, anchor);
                LocalDate date;
                boolean explicit = when != null;
                if (explicit) {
                    date = when.date();
                    if (!planned) {
                        anchor = date;
                    }
                } else {
                    LocalDate told = narrative.getOrDefault(s.paragraph(), Map.of()).get(type.category());
                    date = told != null && !planned ? told : article.published();
                }
                if (explicit && !planned) {
                    narrative.computeIfAbsent(s.paragraph(), p -> new EnumMap<>(Category.class))
                            .put(type.category(), date);
                }
                double confidence = 0.9 - (explicit ? 0 : 0.1) - (party.inferred() ? 0.15 : 0);
                Signal signal = new Signal(type, party.actor(), party.target(), date, planned, s.text(), article,
                        Math.round(confidence * 100) / 100.0);
                String key = type + "|" + signal.actor() + "|" + signal.target() + "|" + date + "|" + planned;
                Signal old = found.get(key);
                if (old == null) {
                    found.put(key, signal);
                    fromHeadline.put(key, s.paragraph() == 0);
                } else if (fromHeadline.get(key) && s.paragraph() > 0) {
                    // A body sentence is better evidence than the headline.
                    found.put(key, old.confidence() > signal.confidence() ? new Signal(type, signal.actor(),
                            signal.target(), date, planned, s.text(), article, old.confidence()) : signal);
                    fromHeadline.put(key, false);
                } else if (old.confidence() < signal.confidence()) {
                    found.put(key, new Signal(type, signal.actor(), signal.target(), date, planned, old.evidence(),
                            article, signal.confidence()));
                }
            }
        }
        return List.copyOf(found.values());
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
            out.add(new Mention(m.start(), m.end(), f.code(), kind(f.kind()),
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
                                 SignalType type) {
        boolean threat = type == SignalType.THREAT;
        if (!threat && CONDITIONAL_START.matcher(sentence).find()) {
            return Cue.Mood.HYPOTHETICAL;
        }
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
                    if (result == null) {
                        result = Cue.Mood.PLANNED;
                    }
                }
                default -> { }
            }
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
        Mention agent = after.stream().filter(Mention::agent).findFirst().orElse(null);
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

    /** The date expression nearest the trigger, preferring its own clause. */
    private DateMention nearestDate(String sentence, PhraseMatch<Cue> t, LocalDate published, boolean planned,
                                    LocalDate anchor) {
        List<DateMention> ds = dates.findAll(sentence, published, planned ? Tense.FUTURE : Tense.PAST, anchor);
        DateMention best = null;
        int bestScore = Integer.MAX_VALUE;
        for (DateMention d : ds) {
            int gap = d.end() <= t.start() ? t.start() - d.end() : d.start() >= t.end() ? d.start() - t.end() : 0;
            int lo = Math.min(d.end(), t.start());
            int hi = Math.max(d.start(), t.end());
            boolean otherClause = false;
            for (int i = Math.max(0, lo); i < Math.min(hi, sentence.length()); i++) {
                char c = sentence.charAt(i);
                if (c == ',' || c == ';') {
                    otherClause = true;
                    break;
                }
            }
            if (otherClause && d.start() >= t.end()) {
                continue; // a date in a later clause belongs to that clause's event
            }
            int score = gap + (otherClause ? 1000 : 0);
            if (score < bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private record Party(String actor, String target, boolean inferred) { }
}
