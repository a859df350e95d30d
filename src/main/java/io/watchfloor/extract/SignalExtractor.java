package io.watchfloor.extract;

import io.watchfloor.extract.parse.CoreNlpParser;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.extract.parse.SentenceParser;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article into signals: for every sentence, the countries named (directly, by capital, adjective, place
 * or a named official), the event phrases of the lexicon (with traps, contexts and modality), who did it to whom
 * from the sentence's structure, and when it happened.
 */
public final class SignalExtractor implements Extractor {
    /** A noun trigger that refers back to an event already told: "to monitor the truce". */
    /** ", his first trip to": a noun phrase that describes the event just told. */
    private static final Pattern APPOSITION_BEFORE = Pattern.compile("(?i)[,;—–]\\s*(?:his|her|its|their|the)\\s+"
            + "(?:(?:first|second|third|latest|maiden|last|fifth|fourth|official|state|surprise)\\s+){1,2}$");
    private static final Pattern DEFINITE_BEFORE = Pattern.compile("(?i)\\b(?:the|this|that)\\s+$");
    /** Words of a date counted from another: "two days later", "the next day", "the day before". */
    private static final Pattern RELATIVE_DAY =
            Pattern.compile("(?i)\\b(?:later|earlier|before|after|afterwards|next|following|previous|prior)\\b");
    /** Words that may stand for the article's two countries: a sentence without a country is parsed for them. */
    private static final Pattern PAIR_WORDS = Pattern.compile("(?i)\\b(?:both|two|each other|neighbou?rs)\\b");
    /**
     * A dateline: "CARACAS, Dec 12 (Reuters) -", "SANAA, April 9 (Xinhua) --", "ISLAMABAD:", "ISLAMABAD --": where it
     * was filed, not a party. A place before a dash only in capitals: "Iran — the country's ..." is no dateline.
     */
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{L}.'’-]*(?: [\\p{Lu}][\\p{L}.'’-]*){0,2}"
            + "(?:,[^,\\n]{1,40}?(?:\\([^)]{1,40}\\))?\\s*(?:--?|—|–)|:)\\s"
            + "|^\\p{Lu}[\\p{Lu}.'’-]+(?: \\p{Lu}[\\p{Lu}.'’-]+){0,2} (?:--|—|–)\\s");
    /** Contexts whose articles report no interstate event of any kind. */
    private static final Set<String> OTHER_WORLDS = Set.of("sports", "culture");

    private final ActorCatalog catalog;
    private final MentionFinder mentions;
    private final EventLexicon lexicon;
    private final DateResolver dates = new DateResolver();
    private final WindowRoles window;
    private final ParseRoles parsed;
    private final SentenceParser parser;

    /**
     * @param parser reads the sentences that name an event and a country; {@link SentenceParser#NONE} reads roles from
     *               the order of words alone
     */
    public SignalExtractor(ActorCatalog catalog, EventLexicon lexicon, SentenceParser parser) {
        this.catalog = catalog;
        this.lexicon = lexicon;
        this.parser = parser;
        this.mentions = new MentionFinder(catalog);
        this.window = new WindowRoles(lexicon);
        this.parsed = new ParseRoles(lexicon, window);
    }

    /** The extractor with the lexicon in {@code lexiconDir}/events.yaml and the process's dependency parser. */
    public static SignalExtractor load(ActorCatalog catalog, Path lexiconDir) {
        return load(catalog, lexiconDir, CoreNlpParser.shared());
    }

    /** The extractor with the lexicon in {@code lexiconDir}/events.yaml. */
    public static SignalExtractor load(ActorCatalog catalog, Path lexiconDir, SentenceParser parser) {
        Path file = lexiconDir.resolve(EventLexicon.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": event lexicon not found");
        }
        return new SignalExtractor(catalog, EventLexicon.load(file), parser);
    }

    public ActorCatalog catalog() {
        return catalog;
    }

    public SentenceParser parser() {
        return parser;
    }

    /**
     * Builds the catalogue's people and automaton and loads the parser's models, each on a thread of its own: for a
     * daemon once it is up; the first article waits for what is not ready by then.
     */
    public void prepareInBackground() {
        catalog.prepareInBackground();
        parser.loadInBackground();
    }

    @Override
    public List<Signal> extract(Article article) {
        return extract(article, Trace.OFF);
    }

    /** The signals of {@code article}, telling {@code trace} what was read and why. */
    public List<Signal> extract(Article article, Trace trace) {
        // Signals come from triggers alone, and most news has none: such an article is not split into sentences.
        if (!lexicon.mayTrigger(article.body()) && (article.title() == null || !lexicon.mayTrigger(article.title()))) {
            return List.of();
        }
        List<SentenceSplitter.Sentence> sentences = SentenceSplitter.split(article.title(), article.body());
        Map<String, Integer> contextCounts = new HashMap<>();
        List<List<PhraseMatch<Cue>>> cues = new ArrayList<>();
        int events = 0;
        for (SentenceSplitter.Sentence s : sentences) {
            List<PhraseMatch<Cue>> c = lexicon.scan(s.text());
            c.stream().filter(m -> m.payload() instanceof Cue.Context).forEach(m ->
                    contextCounts.merge(((Cue.Context) m.payload()).name(), 1, Integer::sum));
            events += triggers(c).size();
            cues.add(c);
        }
        if (events == 0) {
            // Signals come from triggers alone: an article without one (most news) needs no countries read.
            return List.of();
        }
        ArticleMentions named = this.mentions.find(sentences, article.published());
        List<List<Mention>> mentions = datelinesAsPlaces(sentences, named.bySentence());
        List<String> dominant = named.dominant();
        // An article that is mostly about sport, business or weather does not report war in passing: its words of
        // that world come three times or more and at least half as often as words of events (a war story that mentions
        // a cancelled cricket tournament is still a war story; a match report's "struck" and "meeting" are sport).
        int eventWords = events;
        boolean offTopicArticle = contextCounts.values().stream().anyMatch(n -> n >= 3 && 2 * n >= eventWords);
        // A match report or a concert tour is no diplomacy either; a quake or a strike by dockworkers may come with a
        // minister's visit.
        boolean otherWorld = contextCounts.entrySet().stream()
                .anyMatch(e -> e.getValue() >= 3 && 2 * e.getValue() >= eventWords && OTHER_WORLDS.contains(e.getKey()));

        Map<String, Found> found = new LinkedHashMap<>();
        Map<Integer, Map<Category, LocalDate>> narrative = new HashMap<>();
        LocalDate anchor = null;
        // The previous sentence, whose one date a sentence of the same paragraph without its own date takes on.
        SaidDates previous = null;
        // The sentence before, whatever it tells: "Two days later" counts from the day it names.
        SaidDates last = null;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceSplitter.Sentence s = sentences.get(i);
            List<PhraseMatch<Cue>> c = cues.get(i);
            SaidDates carrier = i > 0 && sentences.get(i - 1).paragraph() == s.paragraph() && s.paragraph() > 0
                    ? previous : null;
            previous = null;
            // Sport, business, weather and culture sentences do not report interstate events, and an article mostly
            // about them does not report war in passing (it may still report a minister's visit).
            if (c.stream().anyMatch(m -> m.payload() instanceof Cue.Context)) {
                if (trace.on() && !triggers(c).isEmpty()) {
                    trace.note("[" + i + "] " + s.text());
                    trace.note("    skipped: " + c.stream().filter(m -> m.payload() instanceof Cue.Context)
                            .map(m -> m.phrase() + " (" + ((Cue.Context) m.payload()).name() + ")").toList());
                }
                continue;
            }
            // "two days later": after the day the sentence before names ("held a referendum on December 3. Two days
            // later, ..."), else after the event told before this sentence
            LocalDate sentenceAnchor = anchor;
            List<PhraseMatch<Cue>> triggers = triggers(c);
            if (!triggers.isEmpty() && last != null && RELATIVE_DAY.matcher(s.text()).find()) {
                LocalDate said = last.single(article.published());
                if (said != null) {
                    sentenceAnchor = said;
                }
            }
            last = new SaidDates(s.text(), sentenceAnchor);
            List<DateMention> pastDates = null; // the sentence's dates, parsed once
            if (trace.on() && !triggers.isEmpty()) {
                trace.note("[" + i + "] " + s.text());
                trace.note("    countries: " + mentions.get(i).stream().map(m -> s.text().substring(m.start(), m.end())
                        + "=" + m.code() + "/" + m.kind()).toList());
            }
            if (!triggers.isEmpty()) {
                pastDates = last.all(article.published());
                previous = last;
            } else if (c.isEmpty()) {
                // Parsed only if the next sentence needs it: most sentences without cues never do.
                previous = last;
            }
            boolean mobilized = false;
            boolean threatened = false;
            // Only a sentence that names an event and a country is parsed, once, when its first trigger is read.
            Optional<ParsedSentence> parse = null;
            for (PhraseMatch<Cue> t : triggers) {
                SignalType type = ((Cue.Trigger) t.payload()).type();
                if (trace.on()) {
                    trace.note("    trigger '" + t.phrase() + "' " + type);
                }
                if (otherWorld || offTopicArticle && type.category() == Category.ESCALATION) {
                    trace(trace, "the article is about " + contextCounts.keySet());
                    continue;
                }
                if (type == SignalType.MOBILIZATION && mobilized) {
                    trace(trace, "one deployment per sentence");
                    continue; // "deployed troops ... an unprecedented build-up": one deployment
                }
                if (refersBack(s.text(), t, triggers)) {
                    trace(trace, "refers back to an event already told");
                    continue;
                }
                if (parse == null) {
                    boolean candidate = !mentions.get(i).isEmpty()
                            || dominant != null && PAIR_WORDS.matcher(s.text()).find();
                    parse = candidate ? parser.parse(withoutDateline(s)) : Optional.empty();
                    if (trace.on()) {
                        trace.note(parse.map(p -> "    parse:\n" + p.toString().indent(8).stripTrailing())
                                .orElse("    not parsed: read by word order"));
                    }
                }
                Reading reading = parse.isPresent()
                        ? parsed.read(parse.get(), c, t, type, s.paragraph() == 0, mentions.get(i), dominant, trace)
                        : window.read(s.text(), c, t, type, s.paragraph() == 0, mentions.get(i), dominant);
                if (reading == null) {
                    trace(trace, "no event (see above)");
                    continue;
                }
                if (trace.on()) {
                    trace.note("      reading: " + reading);
                }
                SignalType as = reading.type();
                boolean planned = reading.planned();
                List<Party> parties = reading.parties();
                List<DateMention> ds = planned
                        ? dates.findAll(s.text(), article.published(), Tense.FUTURE, sentenceAnchor) : pastDates;
                if (parse.isPresent()) {
                    // Only the dates of the trigger's own clause; none there: the story's time, as below.
                    ParseDates.Owned owned = parsed.dates(parse.get(), t, ds);
                    if (owned != null && (owned.elsewhere() || !owned.dates().isEmpty())) {
                        ds = owned.dates();
                    }
                }
                DateMention when = TriggerDates.nearestDate(s.text(), t, triggers, article.published(), planned, ds);
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

    /** Triggers that do not begin inside a trap, longest first at each place, without overlaps. */
    private static List<PhraseMatch<Cue>> triggers(List<PhraseMatch<Cue>> cues) {
        List<PhraseMatch<Cue>> traps = cues.stream().filter(m -> m.payload() instanceof Cue.Trap).toList();
        List<PhraseMatch<Cue>> out = new ArrayList<>();
        int until = -1;
        for (PhraseMatch<Cue> m : cues) { // sorted by start, longer first
            if (!(m.payload() instanceof Cue.Trigger) || m.start() < until) {
                continue;
            }
            // A trap redefines the words it covers: the trigger that begins inside it ("struck a deal"), not one
            // that begins before it and only ends in it ("exchanged 95 prisoners of war").
            boolean trapped = traps.stream().anyMatch(t -> t.start() <= m.start() && m.start() < t.end());
            until = m.end();
            if (!trapped) {
                out.add(m);
            }
        }
        return out;
    }

    /** Countries named in a dateline are where the story was filed: places, never parties. */
    private static List<List<Mention>> datelinesAsPlaces(List<SentenceSplitter.Sentence> sentences,
                                                         List<List<Mention>> mentions) {
        List<List<Mention>> out = new ArrayList<>(mentions);
        for (int i = 0; i < sentences.size(); i++) {
            Matcher m = DATELINE.matcher(sentences.get(i).text());
            if (sentences.get(i).paragraph() == 0 || !m.lookingAt()) {
                continue;
            }
            int end = m.end();
            out.set(i, mentions.get(i).stream().map(x -> x.end() <= end && x.kind() != Mention.Kind.PLACE
                    ? new Mention(x.start(), x.end(), x.code(), Mention.Kind.PLACE, true, false) : x).toList());
        }
        return out;
    }

    /**
     * The sentence with its dateline blanked out, so that offsets stay: the parser takes "ISLAMABAD: Pakistan on
     * Wednesday expelled ..." for a phrase of its own and loses the subject.
     */
    private static String withoutDateline(SentenceSplitter.Sentence s) {
        Matcher m = DATELINE.matcher(s.text());
        if (s.paragraph() == 0 || !m.lookingAt()) {
            return s.text();
        }
        return " ".repeat(m.end()) + s.text().substring(m.end());
    }

    private static void trace(Trace trace, String why) {
        if (trace.on()) {
            trace.note("      dropped: " + why);
        }
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
        int clause = Clauses.start(sentence, t.start());
        return triggers.stream().anyMatch(o -> o != t && o.end() <= t.start() && o.start() >= clause
                && ((Cue.Trigger) o.payload()).type() != ((Cue.Trigger) t.payload()).type());
    }

    /** A sentence's dates in the past tense, parsed on first use. */
    private final class SaidDates {
        private final String text;
        private final LocalDate anchor;
        private List<DateMention> said;

        SaidDates(String text, LocalDate anchor) {
            this.text = text;
            this.anchor = anchor;
        }

        /** The sentence's dates. */
        List<DateMention> all(LocalDate published) {
            if (said == null) {
                said = dates.findAll(text, published, Tense.PAST, anchor);
            }
            return said;
        }

        /** The sentence's date when it says exactly one, to the day; otherwise null. */
        LocalDate single(LocalDate published) {
            List<DateMention> all = all(published);
            return all.size() == 1 && all.get(0).precision() == DatePrecision.DAY ? all.get(0).date() : null;
        }
    }
}
