package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
    /** After an adjective: people of a country who are not its state ("Serb protesters", "Pakistani militants"). */
    private static final Pattern NOT_STATE_AFTER = Pattern.compile("^\\s+(?:[a-z][\\p{L}-]*\\s+)?(?:protest\\w*|"
            + "demonstrat\\w*|militan\\w*|rebel\\w*|separatis\\w*|gunm[ae]n|insurgen\\w*|mobs?|rioters|nationalists|"
            + "fans|supporters|settlers|extremists|jihadists|smugglers|traders|businessmen|investors|guerrill\\w*|"
            + "opposition|armed groups?)\\b");
    /** "brokered by China", "hosted by Qatar": the go-between, not a party. */
    private static final Pattern GO_BETWEEN_BEFORE = Pattern.compile("(?i)(?:brokered|mediated|hosted|chaired|"
            + "facilitated|organi[sz]ed|sponsored|convened|backed|supported)\\s+by\\s+(?:the\\s+)?$");
    private static final Pattern ANTI_BEFORE = Pattern.compile("(?i)(?:anti|pro|inter|pan)-$");
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

    private final PhraseMatcher<ActorForm> actors;
    /** Ambiguous forms that an article can resolve, by form. */
    private final Map<String, AmbiguousForm> resolvable = new HashMap<>();

    MentionFinder(ActorCatalog catalog) {
        PhraseMatcher.Builder<ActorForm> b = PhraseMatcher.<ActorForm>builder().caseSensitive(true);
        for (ActorForm f : catalog.forms()) {
            b.add(f.text(), f);
        }
        // Ambiguous and disputed names are matched so that the longest-match rule keeps them from being read as a
        // shorter, unambiguous form ("Jammu and Kashmir" is not "Jammu"), and then ignored.
        for (AmbiguousForm a : catalog.ambiguous()) {
            b.add(a.form(), new ActorForm(a.form(), "", FormKind.PLACE));
            if (a.kind() != null && !a.candidates().isEmpty()) {
                resolvable.put(a.form(), a);
            }
        }
        for (DisputedPlace d : catalog.disputed()) {
            b.add(d.name(), new ActorForm(d.name(), "", FormKind.PLACE));
        }
        this.actors = b.build();
    }

    /** The mentions of every sentence of an article, in text order, and the article's main pair. */
    ArticleMentions find(List<SentenceSplitter.Sentence> sentences, LocalDate published) {
        PersonRegistry people = new PersonRegistry();
        List<List<PhraseMatch<ActorForm>>> actorHits = new ArrayList<>(sentences.size());
        Set<String> named = new HashSet<>();
        for (SentenceSplitter.Sentence s : sentences) {
            List<PhraseMatch<ActorForm>> hits = longestSpans(actors.findAll(s.text()));
            for (PhraseMatch<ActorForm> h : hits) {
                if (!h.payload().code().isEmpty()) {
                    named.add(h.payload().code());
                }
            }
            actorHits.add(hits);
        }
        Map<String, String> resolved = resolveAmbiguous(actorHits, named);
        List<List<Mention>> countryMentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            List<Mention> ms = countryMentions(text, actorHits.get(i), resolved);
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

    /**
     * The ambiguous forms of an article that it resolves (form to code): to the one candidate the article also names
     * by an unambiguous form, else to the form's default when it names none of them.
     */
    private Map<String, String> resolveAmbiguous(List<List<PhraseMatch<ActorForm>>> hits, Set<String> named) {
        Map<String, String> out = new HashMap<>();
        for (List<PhraseMatch<ActorForm>> hs : hits) {
            for (PhraseMatch<ActorForm> h : hs) {
                AmbiguousForm a = h.payload().code().isEmpty() ? resolvable.get(h.payload().text()) : null;
                if (a == null || out.containsKey(a.form())) {
                    continue;
                }
                String only = null;
                int n = 0;
                for (String c : a.candidates()) {
                    if (named.contains(c)) {
                        only = c;
                        n++;
                    }
                }
                String code = n == 1 ? only : n == 0 ? a.fallback() : null;
                out.put(a.form(), code == null ? "" : code);
            }
        }
        return out;
    }

    /**
     * Non-overlapping occurrences, the longest span first ("the North Korean" is "North Korean", not "the North";
     * "the South China Sea" is the sea), then leftmost; every entry of a winning span is kept. In text order.
     */
    private static <T> List<PhraseMatch<T>> longestSpans(List<PhraseMatch<T>> all) {
        if (all.size() <= 1) {
            return all;
        }
        List<PhraseMatch<T>> bySize = new ArrayList<>(all);
        bySize.sort(Comparator.comparingInt((PhraseMatch<T> m) -> m.start() - m.end()).thenComparingInt(PhraseMatch::start));
        List<PhraseMatch<T>> out = new ArrayList<>();
        for (PhraseMatch<T> m : bySize) {
            boolean free = true;
            for (PhraseMatch<T> o : out) {
                if (o.start() < m.end() && m.start() < o.end()
                        && !(o.start() == m.start() && o.end() == m.end())) {
                    free = false;
                    break;
                }
            }
            if (free) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(PhraseMatch::start));
        return out;
    }

    private List<Mention> countryMentions(String sentence, List<PhraseMatch<ActorForm>> hits,
                                          Map<String, String> resolved) {
        List<Mention> out = new ArrayList<>();
        for (PhraseMatch<ActorForm> m : hits) {
            ActorForm f = m.payload();
            if (f.code().isEmpty()) {
                String code = resolved.getOrDefault(f.text(), "");
                if (code.isEmpty()) {
                    continue;
                }
                f = new ActorForm(f.text(), code, resolvable.get(f.text()).kind());
            }
            String before = lastWords(sentence, m.start(), 6);
            boolean by = before.contains("by");
            if (before.endsWith("-") && ANTI_BEFORE.matcher(before).find()
                    || by && GO_BETWEEN_BEFORE.matcher(before).find()) {
                continue; // "anti-Iran armed group": not Iran acting
            }
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 16));
            if (NOT_A_PARTY_AFTER.matcher(after).find()) {
                continue;
            }
            if (f.kind() == FormKind.ADJECTIVE && TITLE_BEFORE.matcher(before).find()
                    && after.matches("(?s)^\\s+[A-Z].*")) {
                continue;
            }
            if (f.kind() == FormKind.ADJECTIVE && NOT_STATE_AFTER.matcher(
                    sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 40))).find()) {
                continue; // "Serb protesters clash with troops": people, not the state
            }
            Mention.Kind kind = HELD_AFTER.matcher(after).find() ? Mention.Kind.PLACE : kind(f.kind());
            out.add(new Mention(m.start(), m.end(), f.code(), kind,
                    // "a strike on Hamas": a group is whom it targets, never where
                    f.kind() != FormKind.ORGANIZATION && LocativeBefore.test(before),
                    by && AGENT_BEFORE.matcher(before).find()));
        }
        return out;
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
