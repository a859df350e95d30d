package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every form of a catalog in one phrase automaton (countries, places, disputed and ambiguous names, armed groups,
 * people), and how a person's name resolves on a date. Built once per catalog ({@link ActorCatalog#index()}) and
 * shared: immutable and thread-safe.
 */
final class ActorIndex {
    /** A surname shared by this many people of the data is a common one: it needs the article's introduction. */
    static final int COMMON_SURNAME = 4;

    /**
     * A person's name as it may be written: the people whose full name it is, and those who are called so alone
     * (a surname).
     */
    record PersonName(String text, List<Person> full, List<Person> shorts) { }

    /** An armed group's name. */
    record GroupName(String text, ArmedGroup group) { }

    /** What a person's name stands for on a date, and why. */
    record Resolution(String code, List<Person> persons, List<Term> terms, String why) { }

    private final PhraseMatcher<Object> matcher;
    private final Map<String, AmbiguousForm> resolvable = new HashMap<>();
    private final Map<String, Integer> surnameCount = new HashMap<>();

    ActorIndex(ActorCatalog catalog) {
        this(catalog, true);
    }

    /**
     * @param fromWordStarts walk the names from word starts (see {@link PhraseMatcher.Builder#fromWordStarts()}),
     *                       as the shipped index does; false runs the plain automaton (the same matches, for tests)
     */
    ActorIndex(ActorCatalog catalog, boolean fromWordStarts) {
        PhraseMatcher.Builder<Object> b = PhraseMatcher.builder().caseSensitive(true);
        if (fromWordStarts) {
            b.fromWordStarts();
        }
        Set<String> taken = new HashSet<>();
        for (ActorForm f : catalog.forms()) {
            b.add(f.text(), f);
            taken.add(f.text());
        }
        // Ambiguous and disputed names are matched so that the longest-match rule keeps them from being read as a
        // shorter, unambiguous form ("Jammu and Kashmir" is not "Jammu"); the finder then resolves or ignores them.
        for (AmbiguousForm a : catalog.ambiguous()) {
            b.add(a.form(), a);
            taken.add(a.form());
            if (a.kind() != null && !a.candidates().isEmpty()) {
                resolvable.put(a.form(), a);
            }
        }
        for (DisputedPlace d : catalog.disputed()) {
            b.add(d.name(), d);
            taken.add(d.name());
        }
        for (ArmedGroup g : catalog.groups()) {
            for (String n : g.names()) {
                b.add(n, new GroupName(n, g));
                taken.add(n);
            }
        }
        // A person's name never shadows a country or place form: "Jordan" is the country.
        Map<String, List<Person>> full = new LinkedHashMap<>();
        Map<String, List<Person>> shorts = new LinkedHashMap<>();
        for (Person p : catalog.people()) {
            for (String n : p.names()) {
                if (!taken.contains(n)) {
                    full.computeIfAbsent(n, k -> new ArrayList<>(1)).add(p);
                }
            }
            for (String s : p.shorts()) {
                if (!taken.contains(s)) {
                    shorts.computeIfAbsent(s, k -> new ArrayList<>(1)).add(p);
                }
            }
        }
        // Counted by name: the same person may come from two files.
        for (Map.Entry<String, List<Person>> e : shorts.entrySet()) {
            List<Person> ps = e.getValue();
            int distinct = ps.size();
            if (distinct > 1) {
                Set<String> names = new HashSet<>();
                ps.forEach(p -> names.add(p.name()));
                distinct = names.size();
            }
            surnameCount.put(e.getKey(), distinct);
        }
        Set<String> texts = new LinkedHashSet<>(full.keySet());
        texts.addAll(shorts.keySet());
        for (String t : texts) {
            b.add(t, new PersonName(t, full.getOrDefault(t, List.of()), shorts.getOrDefault(t, List.of())));
        }
        this.matcher = b.build();
    }

    /** Non-overlapping occurrences, longest first, in text order (every entry of a winning span is kept). */
    List<PhraseMatch<Object>> find(String text) {
        return longestSpans(matcher.findAll(text));
    }

    /** The ambiguous form {@code text} when an article may resolve it, else null. */
    AmbiguousForm resolvable(String text) {
        return resolvable.get(text);
    }

    int size() {
        return matcher.size();
    }

    /** Whether anyone {@code name} may stand for served a state on {@code date} (a cheap first look). */
    boolean anyServing(PersonName name, LocalDate date) {
        for (List<Person> ps : List.of(name.full(), name.shorts())) {
            for (Person p : ps) {
                for (Term t : p.terms()) {
                    if (t.covers(date)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code p} is called {@code shortForm} alone only once the article has introduced them. */
    boolean needsIntroduction(Person p, String shortForm) {
        return p.introduced().contains(shortForm) || surnameCount.getOrDefault(shortForm, 0) >= COMMON_SURNAME;
    }

    /**
     * What {@code name} stands for in an article published on {@code date}: the one state that the people it may
     * name served on that date. A surname counts for a person only when it is distinctive (not a common word, not a
     * common surname) or the article has introduced the person ({@code introduced}: named in full or with a title).
     * When nobody it may name served that day and the name comes with a title of office ({@code titled}: "President
     * Obama" in an article dated wrong), the one state its people ever served.
     */
    Resolution resolve(PersonName name, LocalDate date, Set<Person> introduced, boolean titled) {
        List<Person> candidates = new ArrayList<>(name.full());
        List<Person> heldBack = new ArrayList<>();
        for (Person p : name.shorts()) {
            if (!containsSame(name.full(), p)) {
                if (titled || introduced.contains(p) || !needsIntroduction(p, name.text())) {
                    candidates.add(p);
                } else {
                    heldBack.add(p);
                }
            }
        }
        Set<String> codes = new TreeSet<>();
        List<Person> serving = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (Person p : candidates) {
            List<Term> on = p.termsOn(date);
            if (!on.isEmpty()) {
                serving.add(p);
                terms.addAll(on);
                on.forEach(t -> codes.add(t.code()));
            }
        }
        if (codes.size() == 1) {
            return new Resolution(codes.iterator().next(), serving, terms, "in office on " + date);
        }
        if (codes.size() > 1) {
            return new Resolution(null, serving, terms, "people of " + codes + " are called so on " + date);
        }
        if (titled && !candidates.isEmpty()) {
            Set<String> ever = new TreeSet<>();
            List<Term> all = new ArrayList<>();
            for (Person p : candidates) {
                p.terms().stream().filter(Term::leading).forEach(t -> {
                    ever.add(t.code());
                    all.add(t);
                });
            }
            if (ever.size() == 1) {
                return new Resolution(ever.iterator().next(), candidates, all,
                        "named with a title; in office only for this state, though not on " + date);
            }
        }
        String why = candidates.isEmpty() && !heldBack.isEmpty()
                ? "a common word or surname: needs the article to name the person in full or with a title"
                : "nobody called so was in office on " + date;
        return new Resolution(null, candidates.isEmpty() ? heldBack : candidates, List.of(), why);
    }

    /** Whether {@code p} itself is in {@code ps} (a record's equals would compare every name and term). */
    private static boolean containsSame(List<Person> ps, Person p) {
        for (Person x : ps) {
            if (x == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Non-overlapping occurrences, the longest span first ("the North Korean" is "North Korean", not "the North";
     * "the South China Sea" is the sea), then leftmost; every entry of a winning span is kept. In text order.
     */
    static <T> List<PhraseMatch<T>> longestSpans(List<PhraseMatch<T>> all) {
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
}
