package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the countries a sentence names: directly, by capital, adjective or place, or through an official the article
 * introduces; with what the words around each mention say of its role (a place, the doer after "by", not a party in
 * "Iran-backed"). Also the two countries an article is mostly about.
 */
final class MentionFinder {
    /** "by Israeli jets", "by the Kremlin" (not "by summoning Chinese ...": a means, not a doer). */
    private static final Pattern AGENT_BEFORE = Pattern.compile(
            "(?:^|\\s)by\\s+(?:(?![\\p{L}-]*ing\\s)[a-z][\\p{L}-]*\\s+){0,2}$");
    /**
     * After an adjective: people of a country who are not its state ("Serb protesters", "Chinese investors"), or armed
     * men of no stated cause, often abroad ("Ethiopian gunmen" in Sudan): neither the state nor where.
     */
    private static final Pattern CROWD_AFTER = Pattern.compile("^\\s+(?:[a-z][\\p{L}-]*\\s+)?(?:protest\\w*|"
            + "demonstrat\\w*|mobs?|rioters|nationalists|fans|supporters|settlers|smugglers|traders|businessmen|"
            + "investors|opposition|gunm[ae]n|extremists|jihadists|armed groups?)\\b");
    /**
     * After an adjective: fighters against a state, mostly their own ("Kampuchean guerrillas", "Sudanese rebels",
     * "Baloch militants"): a group that fights in the adjective's country, never the state.
     */
    private static final Pattern ARMED_AFTER = Pattern.compile("^\\s+(?:[a-z][\\p{L}-]*\\s+)?(?:militan\\w*|"
            + "rebel\\w*|separatis\\w*|insurgen\\w*|guerrill\\w*)\\b");
    /**
     * After an adjective after "in", up to three words on: a use of force ("in an Israeli air strike", "in Russian
     * hypersonic missile attack"): the adjective says whose it was, not where it happened.
     */
    private static final Pattern FORCE_AFTER = Pattern.compile("^(?:[\\s-]+[a-z][\\p{L}-]*){0,2}?\\s+(?:air\\s*strikes?|"
            + "strikes?|attacks?|raids?|bombings?|bombardments?|shelling|offensive|assaults?|incursions?|invasion|"
            + "ambush|missiles?|drones?|rockets?|fire)\\b");
    /** "in an Israeli ...", "in Russian ...": with {@link #FORCE_AFTER}, a means, not a place. */
    private static final Pattern IN_BEFORE = Pattern.compile("(?:^|\\s)in\\s+(?:(?:an?|the)\\s+)?$");
    /** "an airstrike widely attributed to Israel", "blamed on Russia": the doer, as after "by". */
    private static final Pattern ATTRIBUTED_BEFORE = Pattern.compile("(?:attributed|blamed)\\s+(?:on|to)\\s+"
            + "(?:the\\s+)?$");
    /** "brokered by China", "hosted by Qatar": the go-between, not a party. */
    private static final Pattern GO_BETWEEN_BEFORE = Pattern.compile("(?i)(?:brokered|mediated|hosted|chaired|"
            + "facilitated|organi[sz]ed|sponsored|convened|backed|supported)\\s+by\\s+(?:the\\s+)?$");
    private static final Pattern ANTI_BEFORE = Pattern.compile("(?i)(?:anti|pro|inter|pan|post|ex|non)-$");
    /**
     * After a mention: compounds where the country is neither actor nor target ("Pakistan-based group", "Iran-backed
     * Hezbollah", "China-brokered deal", "US- and French-brokered truce").
     */
    private static final Pattern NOT_A_PARTY_AFTER = Pattern.compile("^-(?:\\s|(?:based|backed|brokered|born|made|"
            + "funded|sponsored|supplied|built|designed|aligned|allied|mediated|trained|armed|supported|educated|"
            + "listed|registered|owned|flagged)\\b)");
    /** After a mention: the place is named by who holds it ("Indian-administered Kashmir"): a where. */
    private static final Pattern HELD_AFTER = Pattern.compile("^-(?:administered|controlled|held|occupied|run)\\b");
    /** "Trade Minister German Umana": an adjective between a title and a capitalised word is a first name. */
    private static final Pattern TITLE_BEFORE = Pattern.compile("(?:Minister|Secretary|President|Ambassador|General|"
            + "Commander|Envoy|Chancellor|Premier|Governor|Mayor|Senator|Spokesman|Spokeswoman)\\s+$");

    /** Titles of office and honorifics right before a name: "President Obama", "Mr Trump", "Prime Minister May". */
    private static final Set<String> TITLE_WORDS = Set.of("President", "Minister", "Premier", "Chancellor", "King",
            "Queen", "Emir", "Sheikh", "Sultan", "Prince", "Secretary", "Mr", "Mrs", "Ms", "Dr", "General", "Gen",
            "Marshal", "Ambassador", "Envoy", "Senator", "Governor", "Chairman", "Leader", "Ayatollah",
            "Vice-President", "Emperor", "Pope");
    /** Someone no longer in office: "former President Bush", "the late King Hussein". */
    private static final Pattern FORMER_BEFORE = Pattern.compile("(?i)\\b(?:former|ex-|late|then-)\\s*"
            + "(?:[\\p{L}.-]+\\s+){0,3}$");

    /** A capitalised word right after a name: the name goes on, so a surname alone is not what was written. */
    private static final Pattern NAME_GOES_ON = Pattern.compile("\\s+\\p{Lu}\\p{Ll}");

    private final ActorCatalog catalog;
    /** The catalog's index, taken on first use: the shipped one is still being built in the background at start. */
    private volatile ActorIndex index;

    MentionFinder(ActorCatalog catalog) {
        this.catalog = catalog;
    }

    /** The mentions of every sentence of an article, in text order, and the article's main pair. */
    ArticleMentions find(List<SentenceSplitter.Sentence> sentences, LocalDate published) {
        if (index == null) {
            index = catalog.index();
        }
        PersonRegistry people = new PersonRegistry();
        List<List<PhraseMatch<Object>>> actorHits = new ArrayList<>(sentences.size());
        Set<String> named = new HashSet<>();
        // By identity: a person is one entry of the catalogue, and a record's hash walks all its names and terms.
        Set<Person> introduced = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Person, String> resolvedPersons = new IdentityHashMap<>();
        for (SentenceSplitter.Sentence s : sentences) {
            List<PhraseMatch<Object>> hits = index.find(s.text());
            for (PhraseMatch<Object> h : hits) {
                if (h.payload() instanceof ActorForm f) {
                    named.add(f.code());
                } else if (h.payload() instanceof ActorIndex.PersonName p) {
                    // Named in full, or with a title: the article has introduced them, so their surname is theirs.
                    introduced.addAll(p.full());
                    boolean titled = titled(s.text(), h.start());
                    if (!p.shorts().isEmpty() && titled) {
                        introduced.addAll(p.shorts());
                    }
                    if (!p.full().isEmpty() || titled) {
                        // What the article's full or titled names stand for, their surnames stand for too.
                        ActorIndex.Resolution r = index.resolve(p, published, Set.of(), titled && !former(s.text(),
                                h.start()));
                        if (r.code() != null) {
                            r.persons().forEach(x -> resolvedPersons.putIfAbsent(x, r.code()));
                        }
                    }
                }
            }
            actorHits.add(hits);
        }
        Map<String, String> resolved = resolveAmbiguous(actorHits, named);
        List<List<Mention>> countryMentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            List<Mention> ms = countryMentions(text, actorHits.get(i), resolved, named, introduced,
                    resolvedPersons, published);
            people.learn(text, ms);
            countryMentions.add(ms);
        }
        // Officials named by a title alone: of the country of the article's pair that their sentence does not name.
        Map<String, Integer> countryCounts = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            people.learnTitled(i, sentences.get(i).text());
            countryMentions.get(i).forEach(m -> countryCounts.merge(m.code(), 1, Integer::sum));
        }
        Map<String, String> known = people.names();
        List<Set<String>> sentenceCodes = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Set<String> codes = new HashSet<>();
            countryMentions.get(i).stream().filter(Mention::canAct).forEach(m -> codes.add(m.code()));
            findPersons(sentences.get(i).text(), known).forEach(m -> codes.add(m.payload()));
            sentenceCodes.add(codes);
        }
        people.resolveTitled(dominantPair(countryCounts), sentenceCodes);
        Map<String, String> persons = people.names();
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
        return new ArticleMentions(mentions, dominant);
    }

    /** Whether the word right before {@code start} is a title of office or an honorific ("President", "Mr."). */
    private static boolean titled(String sentence, int start) {
        int end = start;
        while (end > 0 && sentence.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == start || end == 0) {
            return false;
        }
        if (sentence.charAt(end - 1) == '.') {
            end--;
        }
        int from = end;
        while (from > 0 && Character.isLetter(sentence.charAt(from - 1))) {
            from--;
        }
        return from < end && Character.isUpperCase(sentence.charAt(from))
                && TITLE_WORDS.contains(sentence.substring(from, end));
    }

    private static boolean former(String sentence, int start) {
        return FORMER_BEFORE.matcher(sentence.substring(Math.max(0, start - 40), start)).find();
    }

    private static boolean anyKnown(ActorIndex.PersonName p, Map<Person, String> resolvedPersons) {
        if (resolvedPersons.isEmpty()) {
            return false;
        }
        for (Person x : p.full()) {
            if (resolvedPersons.containsKey(x)) {
                return true;
            }
        }
        for (Person x : p.shorts()) {
            if (resolvedPersons.containsKey(x)) {
                return true;
            }
        }
        return false;
    }

    /** The state that the article's full or titled mention of the same person stood for, if one. */
    private static String sameAsIntroduced(ActorIndex.PersonName p, Map<Person, String> resolvedPersons) {
        Set<String> codes = new HashSet<>();
        for (List<Person> ps : List.of(p.full(), p.shorts())) {
            ps.stream().map(resolvedPersons::get).filter(java.util.Objects::nonNull).forEach(codes::add);
        }
        return codes.size() == 1 ? codes.iterator().next() : null;
    }

    /**
     * The ambiguous forms of an article that it resolves (form to code): to the one candidate the article also names
     * by an unambiguous form, else to the form's default when it names none of them.
     */
    private Map<String, String> resolveAmbiguous(List<List<PhraseMatch<Object>>> hits, Set<String> named) {
        Map<String, String> out = new HashMap<>();
        for (List<PhraseMatch<Object>> hs : hits) {
            for (PhraseMatch<Object> h : hs) {
                AmbiguousForm a = h.payload() instanceof AmbiguousForm f ? index.resolvable(f.form()) : null;
                if (a == null || out.containsKey(a.form())) {
                    continue;
                }
                String code = onlyNamed(a.candidates(), named);
                if (code == null && a.candidates().stream().noneMatch(named::contains)) {
                    code = a.fallback();
                }
                out.put(a.form(), code == null ? "" : code);
            }
        }
        return out;
    }

    /** The one of {@code candidates} that the article names, or null when it names none or several. */
    private static String onlyNamed(List<String> candidates, Set<String> named) {
        String only = null;
        for (String c : candidates) {
            if (named.contains(c)) {
                if (only != null) {
                    return null;
                }
                only = c;
            }
        }
        return only;
    }

    private List<Mention> countryMentions(String sentence, List<PhraseMatch<Object>> hits,
                                          Map<String, String> resolved, Set<String> named, Set<Person> introduced,
                                          Map<Person, String> resolvedPersons, LocalDate published) {
        List<Mention> out = new ArrayList<>();
        for (PhraseMatch<Object> m : hits) {
            Object payload = m.payload();
            String code;
            FormKind formKind;
            Mention.Kind kind = null;
            if (payload instanceof ActorForm f) {
                code = f.code();
                formKind = f.kind();
            } else if (payload instanceof AmbiguousForm a) {
                code = resolved.getOrDefault(a.form(), "");
                formKind = a.kind();
            } else if (payload instanceof ActorIndex.GroupName g) {
                // A group that governs a state acts as it; any other is a group: where it fights, never a party.
                code = g.group().stateOn(published);
                formKind = FormKind.ORGANIZATION;
                if (code == null) {
                    code = g.group().where().size() == 1 ? g.group().where().get(0)
                            : onlyNamed(g.group().where(), named);
                    kind = Mention.Kind.GROUP;
                }
            } else if (payload instanceof ActorIndex.PersonName p) {
                if (p.full().isEmpty() && NAME_GOES_ON.matcher(sentence).region(m.end(), sentence.length()).lookingAt()) {
                    continue; // "President Gustavo Petro": a first name of someone else, not Carlos Gustavo
                }
                boolean titled = titled(sentence, m.start());
                if (!titled && !index.anyServing(p, published) && !anyKnown(p, resolvedPersons)) {
                    continue; // nobody it may name served that day, and no title or introduction says otherwise
                }
                code = index.resolve(p, published, introduced, titled && !former(sentence, m.start())).code();
                if (code == null) {
                    code = sameAsIntroduced(p, resolvedPersons);
                }
                formKind = null;
                kind = Mention.Kind.PERSON;
            } else {
                continue; // a disputed place: no one country's
            }
            if (code == null || code.isEmpty()) {
                continue;
            }
            String before = lastWords(sentence, m.start(), 6);
            boolean by = before.contains("by");
            if (before.endsWith("-") && ANTI_BEFORE.matcher(before).find()
                    || by && GO_BETWEEN_BEFORE.matcher(before).find()) {
                continue; // "anti-Iran armed group": not Iran acting
            }
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 16));
            if (NOT_A_PARTY_AFTER.matcher(after).lookingAt()) {
                continue;
            }
            if (formKind == FormKind.ADJECTIVE && TITLE_BEFORE.matcher(before).find()
                    && after.matches("(?s)^\\s+[A-Z].*")) {
                continue;
            }
            if (formKind == FormKind.ADJECTIVE) {
                String next = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 40));
                if (CROWD_AFTER.matcher(next).lookingAt()) {
                    continue; // "Serb protesters clash with troops": people, not the state
                }
                if (ARMED_AFTER.matcher(next).lookingAt()) {
                    kind = Mention.Kind.GROUP; // "Kampuchean guerrillas": fighters there, not the state
                }
            }
            if (kind == null) {
                kind = HELD_AFTER.matcher(after).lookingAt() ? Mention.Kind.PLACE : kind(formKind);
            }
            boolean attributed = before.endsWith(" ") && ATTRIBUTED_BEFORE.matcher(before).find();
            // "a strike on Hamas": a group or a person is whom it targets, never where; "in an Israeli air strike":
            // whose strike, not where
            boolean locative = formKind != FormKind.ORGANIZATION && kind != Mention.Kind.PERSON && !attributed
                    && LocativeBefore.test(before) && !(formKind == FormKind.ADJECTIVE && kind != Mention.Kind.GROUP
                    && IN_BEFORE.matcher(before).find()
                    && FORCE_AFTER.matcher(sentence).region(m.end(), sentence.length()).lookingAt())
                    || placeApposition(sentence, m.start(), code, out);
            out.add(new Mention(m.start(), m.end(), code, kind, locative,
                    attributed || by && AGENT_BEFORE.matcher(before).find()));
        }
        return out;
    }

    /**
     * Whether a mention of {@code code} right after a place of it and a comma names where that place is ("in Bali,
     * Indonesia", "Pyongyang, North Korea - "): then it is where too.
     */
    private static boolean placeApposition(String sentence, int start, String code, List<Mention> before) {
        if (before.isEmpty() || start < 2 || sentence.charAt(start - 1) != ' ' || sentence.charAt(start - 2) != ',') {
            return false;
        }
        Mention last = before.get(before.size() - 1);
        return last.end() == start - 2 && last.code().equals(code)
                && (last.kind() == Mention.Kind.PLACE || last.kind() == Mention.Kind.CAPITAL || last.locative());
    }

    /**
     * The text before {@code end} from the start of its {@code n}th word back (at most 60 chars): the patterns
     * looking before a mention need a few words only, and are tried at every position of what they get.
     */
    private static String lastWords(String sentence, int end, int n) {
        int from = Math.max(0, end - 60);
        int words = 0;
        for (int i = end - 1; i > from; i--) {
            if (sentence.charAt(i) == ' ' && i < end - 1 && sentence.charAt(i + 1) != ' ' && ++words == n) {
                return sentence.substring(i, end);
            }
        }
        return sentence.substring(from, end);
    }

    /**
     * The officials an article names (a handful): found by plain search, leftmost-longest on word boundaries, so no
     * automaton is built per article.
     */
    private static List<PhraseMatch<String>> findPersons(String sentence, Map<String, String> names) {
        List<PhraseMatch<String>> hits = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String name = e.getKey();
            for (int i = sentence.indexOf(name); i >= 0; i = sentence.indexOf(name, i + 1)) {
                int end = i + name.length();
                if ((i == 0 || !PhraseMatcher.isWordChar(sentence.codePointBefore(i)))
                        && (end == sentence.length() || !PhraseMatcher.isWordChar(sentence.codePointAt(end)))) {
                    hits.add(new PhraseMatch<>(i, end, name, e.getValue()));
                }
            }
        }
        if (hits.size() <= 1) {
            return hits;
        }
        hits.sort(Comparator.comparingInt((PhraseMatch<String> m) -> m.start()).thenComparingInt(m -> -m.end()));
        List<PhraseMatch<String>> out = new ArrayList<>();
        int cursor = 0;
        for (PhraseMatch<String> m : hits) {
            if (m.start() >= cursor) {
                out.add(m);
                cursor = m.end();
            }
        }
        return out;
    }

    private static List<Mention> personMentions(String sentence, Map<String, String> persons,
                                                List<Mention> countries) {
        List<Mention> out = new ArrayList<>();
        if (persons.isEmpty()) {
            return out;
        }
        for (PhraseMatch<String> m : findPersons(sentence, persons)) {
            boolean overlaps = countries.stream().anyMatch(c -> c.start() < m.end() && m.start() < c.end());
            if (!overlaps) {
                String before = lastWords(sentence, m.start(), 6);
                out.add(new Mention(m.start(), m.end(), m.payload(), Mention.Kind.PERSON, false,
                        AGENT_BEFORE.matcher(before).find()));
            }
        }
        return out;
    }

    private static Mention.Kind kind(FormKind k) {
        return switch (k) {
            case NAME, ORGANIZATION -> Mention.Kind.NAME;
            case ADJECTIVE -> Mention.Kind.ADJECTIVE;
            case CAPITAL -> Mention.Kind.CAPITAL;
            case PLACE -> Mention.Kind.PLACE;
        };
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
}
