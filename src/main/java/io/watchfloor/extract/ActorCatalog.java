package io.watchfloor.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * The countries the extractor can recognise, with every surface form that names them, plus the
 * places whose sovereignty is disputed and the forms too ambiguous to resolve alone.
 *
 * <p>Read from YAML (see {@code actors.yaml} for the format). Loading validates everything it
 * can see in one file: a mistake in an admin's file must fail at start-up with the file and the
 * entry named, not silently mis-attribute events later. References between entries (claimants,
 * candidates) are not checked against the known codes, because an admin's extension file may
 * refer to countries defined only in the default catalog.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ActorCatalog {

    public static final String DEFAULT_RESOURCE = "/io/watchfloor/extract/actors.yaml";

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<String> TOP_KEYS = Set.of("countries", "disputed", "ambiguous", "groups", "people");
    private static final Set<String> GROUP_KEYS = Set.of("names", "where", "governs", "since", "note");
    private static final Set<String> PERSON_KEYS = Set.of("names", "short", "terms");
    /** The data read with {@link #DEFAULT_RESOURCE}: first-level divisions and people in their years. */
    static final String PLACES_RESOURCE = "/io/watchfloor/extract/places.tsv";
    static final List<String> PEOPLE_RESOURCES = List.of("/io/watchfloor/extract/people-phoenix.tsv",
            "/io/watchfloor/extract/people.tsv");
    private static final Set<String> COUNTRY_KEYS =
            Set.of("code", "name", "names", "adjectives", "capitals", "places", "organizations");
    private static final Set<String> DISPUTED_KEYS = Set.of("name", "claimants", "note");
    private static final Set<String> AMBIGUOUS_KEYS = Set.of("form", "candidates", "kind", "default");

    private final String source;
    private final List<Country> countries;
    private final Map<String, Country> byCode;
    /** Codes whose entry gave a name; an extension entry without one keeps the base name on merge. */
    private final Set<String> named;
    private final List<ActorForm> forms;
    private final List<DisputedPlace> disputed;
    private final List<AmbiguousForm> ambiguous;
    private final List<ArmedGroup> groups;
    /**
     * Read on first use for the shipped catalog (some 18,000 people): a start need not wait for them (see
     * {@link #prepareInBackground()}).
     */
    private final CompletableFuture<List<Person>> people;
    /** Completes {@link #people} when it is still to be read; null when it is complete already. */
    private final Runnable readPeople;
    /** The phrase automaton over every form, built on first use and shared by every extractor of this catalog. */
    private volatile ActorIndex index;

    private ActorCatalog(String source, List<Country> countries, Set<String> named,
                         List<DisputedPlace> disputed, List<AmbiguousForm> ambiguous) {
        this(source, countries, named, disputed, ambiguous, List.of(), List.of());
    }

    private ActorCatalog(String source, List<Country> countries, Set<String> named,
                         List<DisputedPlace> disputed, List<AmbiguousForm> ambiguous, List<ArmedGroup> groups,
                         List<Person> people) {
        this(source, countries, named, disputed, ambiguous, groups, CompletableFuture.completedFuture(people), null);
    }

    private ActorCatalog(String source, List<Country> countries, Set<String> named,
                         List<DisputedPlace> disputed, List<AmbiguousForm> ambiguous, List<ArmedGroup> groups,
                         CompletableFuture<List<Person>> people, Runnable readPeople) {
        this.readPeople = readPeople;
        this.source = source;
        this.countries = List.copyOf(countries);
        Map<String, Country> index = new LinkedHashMap<>();
        for (Country c : this.countries) {
            index.put(c.code(), c);
        }
        this.byCode = Collections.unmodifiableMap(index);
        this.named = Set.copyOf(named);
        this.disputed = List.copyOf(disputed);
        this.ambiguous = List.copyOf(ambiguous);
        this.groups = List.copyOf(groups);
        this.people = people.thenApply(List::copyOf);
        this.forms = buildForms(source, this.countries, this.disputed, this.ambiguous);
        checkGroups(source, this.forms, this.groups);
    }

    // Holder idiom: the default catalog is parsed once per JVM, on first use, without locking.
    private static final class DefaultHolder {
        static final ActorCatalog INSTANCE = loadResource();

        private static ActorCatalog loadResource() {
            try (InputStream in = ActorCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource not found: " + DEFAULT_RESOURCE);
                }
                return load(in, "actors.yaml").withData(resource(PLACES_RESOURCE), PEOPLE_RESOURCES.stream()
                        .map(DefaultHolder::resource).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }

        private static Resource resource(String path) {
            InputStream in = ActorCatalog.class.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("classpath resource not found: " + path);
            }
            return new Resource(in, path.substring(path.lastIndexOf('/') + 1));
        }
    }

    /**
     * Reads the people and builds the automaton on a daemon thread, so that the first article finds them ready: for
     * a daemon once it is up (on two cores, doing it during the start would slow the rules' compilation).
     */
    public void prepareInBackground() {
        Thread t = new Thread(this::index, "actor-index");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** A stream and how to name it in errors. */
    record Resource(InputStream in, String name) { }

    /**
     * This catalog with the first-level divisions of a places file (added to their countries' places; a form two
     * countries share becomes an ambiguous place) and the people of people files. Closes the streams.
     */
    ActorCatalog withData(Resource places, List<Resource> peopleFiles) {
        Map<String, List<String>> extraPlaces = new HashMap<>();
        List<AmbiguousForm> amb = new ArrayList<>(ambiguous);
        try (InputStream in = places.in()) {
            PlacesFile.read(in, places.name(), (form, codes) -> {
                if (codes.size() == 1) {
                    extraPlaces.computeIfAbsent(codes.get(0), k -> new ArrayList<>()).add(form);
                } else {
                    amb.add(new AmbiguousForm(form, codes, FormKind.PLACE, null));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(places.name() + ": cannot read", e);
        }
        List<Country> cs = new ArrayList<>();
        for (Country c : countries) {
            List<String> add = extraPlaces.getOrDefault(c.code(), List.of());
            cs.add(add.isEmpty() ? c : new Country(c.code(), c.name(), c.names(), c.adjectives(), c.capitals(),
                    union(c.places(), add), c.organizations()));
        }
        CompletableFuture<List<Person>> ps = new CompletableFuture<>();
        List<Person> known = people();
        Runnable read = () -> {
            List<Person> all = new ArrayList<>(known);
            try {
                for (Resource r : peopleFiles) {
                    try (InputStream in = r.in()) {
                        all.addAll(PeopleFile.read(in, r.name()));
                    }
                }
                ps.complete(all);
            } catch (IOException e) {
                ps.completeExceptionally(new UncheckedIOException("cannot read the people files", e));
            } catch (RuntimeException e) {
                ps.completeExceptionally(e);
            }
        };
        return new ActorCatalog(source, cs, named, disputed, amb, groups, ps, read);
    }

    /** The admin's additions to the catalogue: this file in the rules' lexicon folder, when present. */
    public static final String ADDITIONS_FILE = "actors.yaml";

    /**
     * The shipped catalogue with the admin's additions ({@code lexiconDir/actors.yaml}, same format, merged), or
     * the shipped one alone when there is no such file.
     *
     * @throws IllegalArgumentException naming the file and the entry when the additions are broken
     */
    public static ActorCatalog withAdditions(Path lexiconDir) {
        Path file = lexiconDir.resolve(ADDITIONS_FILE);
        if (!Files.isRegularFile(file)) {
            return loadDefault();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return loadDefault().merge(load(in, file.toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The catalog shipped in the jar ({@link #DEFAULT_RESOURCE}); parsed once per JVM. */
    public static ActorCatalog loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Parses a catalog. The stream is read fully but not closed.
     *
     * @param sourceName how to name the source in error messages ("actors.yaml", a file path)
     * @throws IllegalArgumentException when the YAML is malformed or an entry is invalid; the
     *                                  message names {@code sourceName} and the entry at fault
     */
    public static ActorCatalog load(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        String src = sourceName == null ? "<unnamed>" : sourceName;
        JsonNode root;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            // A key written twice (e.g. two "places:" in one entry) would silently drop one list.
            yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = yaml.readTree(in);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(src + ": not valid YAML" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(src + ": cannot read", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ActorCatalog(src, List.of(), Set.of(), List.of(), List.of());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(src + ": top level must be a mapping with keys " + TOP_KEYS);
        }
        checkKeys(root, TOP_KEYS, src, "top level");

        List<Country> countries = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Map<String, Integer> seenCodes = new HashMap<>();
        List<JsonNode> cs = mappings(root, "countries", src);
        for (int i = 0; i < cs.size(); i++) {
            JsonNode e = cs.get(i);
            String where = "countries[" + i + "]";
            JsonNode codeNode = e.get("code");
            String code = codeNode != null && codeNode.isValueNode() ? codeNode.asText() : null;
            where = where + " (code '" + (code == null ? "" : code) + "')";
            if (code == null) {
                throw new IllegalArgumentException(src + ": " + where + ": missing key 'code'");
            }
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(src + ": " + where + ": code must be 3 upper-case letters");
            }
            checkKeys(e, COUNTRY_KEYS, src, where);
            Integer prev = seenCodes.putIfAbsent(code, i);
            if (prev != null) {
                throw new IllegalArgumentException(src + ": " + where + ": code already used by countries[" + prev + "]");
            }
            String name = optionalText(e, "name", src, where);
            if (name != null) {
                named.add(code);
            }
            countries.add(new Country(code, name == null ? code : name,
                    strings(e, "names", src, where),
                    strings(e, "adjectives", src, where),
                    strings(e, "capitals", src, where),
                    strings(e, "places", src, where),
                    strings(e, "organizations", src, where)));
        }

        List<DisputedPlace> disputed = new ArrayList<>();
        List<JsonNode> ds = mappings(root, "disputed", src);
        for (int i = 0; i < ds.size(); i++) {
            JsonNode e = ds.get(i);
            String where = "disputed[" + i + "]";
            String name = optionalText(e, "name", src, where);
            where = where + " (name '" + (name == null ? "" : name) + "')";
            checkKeys(e, DISPUTED_KEYS, src, where);
            if (name == null) {
                throw new IllegalArgumentException(src + ": " + where + ": missing key 'name'");
            }
            List<String> claimants = codes(e, "claimants", src, where);
            if (claimants.size() < 2) {
                throw new IllegalArgumentException(src + ": " + where + ": claimants must list at least two codes");
            }
            String note = optionalText(e, "note", src, where);
            disputed.add(new DisputedPlace(name, claimants, note));
        }

        List<AmbiguousForm> ambiguous = new ArrayList<>();
        List<JsonNode> as = mappings(root, "ambiguous", src);
        for (int i = 0; i < as.size(); i++) {
            JsonNode e = as.get(i);
            String where = "ambiguous[" + i + "]";
            String form = optionalText(e, "form", src, where);
            where = where + " (form '" + (form == null ? "" : form) + "')";
            checkKeys(e, AMBIGUOUS_KEYS, src, where);
            if (form == null) {
                throw new IllegalArgumentException(src + ": " + where + ": missing key 'form'");
            }
            List<String> candidates = codes(e, "candidates", src, where);
            String kindText = optionalText(e, "kind", src, where);
            FormKind kind;
            try {
                kind = kindText == null ? null : FormKind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(src + ": " + where + ": kind '" + kindText
                        + "' must be one of name, adjective, capital, place");
            }
            String fallback = optionalText(e, "default", src, where);
            if (fallback != null && kindText == null) {
                throw new IllegalArgumentException(src + ": " + where + ": a default needs a kind");
            }
            if (fallback != null && !candidates.contains(fallback)) {
                throw new IllegalArgumentException(src + ": " + where + ": default '" + fallback
                        + "' is not one of the candidates");
            }
            ambiguous.add(new AmbiguousForm(form, candidates, kind, fallback));
        }

        List<ArmedGroup> groups = new ArrayList<>();
        List<JsonNode> gs = mappings(root, "groups", src);
        for (int i = 0; i < gs.size(); i++) {
            JsonNode e = gs.get(i);
            String where = "groups[" + i + "]";
            List<String> names = strings(e, "names", src, where);
            where = where + " ('" + (names.isEmpty() ? "" : names.get(0)) + "')";
            checkKeys(e, GROUP_KEYS, src, where);
            List<String> operates = codes(e, "where", src, where);
            if (names.isEmpty() || operates.isEmpty()) {
                throw new IllegalArgumentException(src + ": " + where + ": needs 'names' and 'where'");
            }
            String governs = optionalText(e, "governs", src, where);
            String since = optionalText(e, "since", src, where);
            if (governs != null && !CODE.matcher(governs).matches()) {
                throw new IllegalArgumentException(src + ": " + where + ": governs '" + governs
                        + "' must be 3 upper-case letters");
            }
            if ((governs == null) != (since == null)) {
                throw new IllegalArgumentException(src + ": " + where + ": 'governs' and 'since' go together");
            }
            LocalDate from;
            try {
                from = since == null ? null : LocalDate.parse(since);
            } catch (DateTimeException bad) {
                throw new IllegalArgumentException(src + ": " + where + ": since '" + since + "' is not YYYY-MM-DD");
            }
            groups.add(new ArmedGroup(names, operates, governs, from, optionalText(e, "note", src, where)));
        }

        List<Person> people = new ArrayList<>();
        List<JsonNode> ps = mappings(root, "people", src);
        for (int i = 0; i < ps.size(); i++) {
            JsonNode e = ps.get(i);
            String where = "people[" + i + "]";
            checkKeys(e, PERSON_KEYS, src, where);
            // The same fields as a line of a people file, checked by the same code.
            String line = String.join("|", strings(e, "names", src, where)) + "\t"
                    + String.join("|", strings(e, "short", src, where)) + "\t"
                    + String.join(", ", strings(e, "terms", src, where));
            people.add(PeopleFile.parse(line, src + ": " + where));
        }
        return new ActorCatalog(src, countries, named, disputed, ambiguous, groups, people);
    }

    /**
     * This catalog with an admin's additions: forms of a code already here are appended to its
     * lists, new codes are added, and disputed/ambiguous entries are added (an entry with the
     * same name/form replaces this catalog's one, so admins can correct claimants or notes).
     *
     * @throws IllegalArgumentException when a form would then name two countries, or be both a
     *                                  country form and a disputed or ambiguous entry; the message
     *                                  names both sources and both codes
     */
    public ActorCatalog merge(ActorCatalog extra) {
        Objects.requireNonNull(extra, "extra");
        Map<String, Country> merged = new LinkedHashMap<>(byCode);
        Set<String> mergedNamed = new HashSet<>(named);
        for (Country add : extra.countries) {
            Country base = merged.get(add.code());
            if (base == null) {
                merged.put(add.code(), add);
            } else {
                String name = extra.named.contains(add.code()) ? add.name() : base.name();
                merged.put(add.code(), new Country(add.code(), name,
                        union(base.names(), add.names()),
                        union(base.adjectives(), add.adjectives()),
                        union(base.capitals(), add.capitals()),
                        union(base.places(), add.places()),
                        union(base.organizations(), add.organizations())));
            }
            if (extra.named.contains(add.code())) {
                mergedNamed.add(add.code());
            }
        }
        Map<String, DisputedPlace> disp = new LinkedHashMap<>();
        disputed.forEach(d -> disp.put(d.name(), d));
        extra.disputed.forEach(d -> disp.put(d.name(), d));
        Map<String, AmbiguousForm> amb = new LinkedHashMap<>();
        ambiguous.forEach(a -> amb.put(a.form(), a));
        extra.ambiguous.forEach(a -> amb.put(a.form(), a));
        String src = source + " + " + extra.source;
        List<ArmedGroup> gs = new ArrayList<>(groups);
        gs.addAll(extra.groups);
        List<Person> ps = new ArrayList<>(people());
        ps.addAll(extra.people());
        return new ActorCatalog(src, new ArrayList<>(merged.values()), mergedNamed,
                new ArrayList<>(disp.values()), new ArrayList<>(amb.values()), gs, ps);
    }

    public List<Country> countries() {
        return countries;
    }

    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The display name ("Iran"); the code itself when the code is unknown, so callers can always print something. */
    public String displayName(String code) {
        Country c = code == null ? null : byCode.get(code);
        return c != null ? c.name() : code;
    }

    /** Every surface form of every country, each once, in catalog order (names, adjectives, capitals, places, organizations). */
    public List<ActorForm> forms() {
        return forms;
    }

    public List<DisputedPlace> disputed() {
        return disputed;
    }

    public List<AmbiguousForm> ambiguous() {
        return ambiguous;
    }

    /** Armed groups, militias and rebels: where they fight, and whether they came to govern a state. */
    public List<ArmedGroup> groups() {
        return groups;
    }

    /** People who served a state, with the times they served it. */
    public List<Person> people() {
        if (readPeople != null && !people.isDone()) {
            synchronized (readPeople) {
                if (!people.isDone()) {
                    readPeople.run();
                }
            }
        }
        try {
            return people.join();
        } catch (CompletionException e) {
            // A bad line of a people file: the same error, naming the file and line, as a synchronous load gives.
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The automaton over every form of this catalog, built once (the first extractor or lookup pays for it). */
    ActorIndex index() {
        ActorIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new ActorIndex(this);
                    index = i;
                }
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return "ActorCatalog[" + source + ": " + countries.size() + " countries, " + forms.size() + " forms, "
                + (people.isDone() ? people.join().size() : "(loading)") + " people, " + groups.size() + " groups]";
    }

    // ---------------------------------------------------------------- building and validation

    /**
     * Flattens the countries into forms and enforces the one rule the extractor depends on: a form
     * names at most one thing. A form listed twice for the same country (e.g. Singapore as name and
     * capital) is kept once, with the first kind.
     */
    private static List<ActorForm> buildForms(String src, List<Country> countries,
                                              List<DisputedPlace> disputed, List<AmbiguousForm> ambiguous) {
        Map<String, ActorForm> byText = new LinkedHashMap<>();
        for (Country c : countries) {
            add(src, byText, c.code(), c.names(), FormKind.NAME);
            add(src, byText, c.code(), c.adjectives(), FormKind.ADJECTIVE);
            add(src, byText, c.code(), c.capitals(), FormKind.CAPITAL);
            add(src, byText, c.code(), c.places(), FormKind.PLACE);
            add(src, byText, c.code(), c.organizations(), FormKind.ORGANIZATION);
        }
        Set<String> disputedNames = new HashSet<>();
        for (DisputedPlace d : disputed) {
            if (!disputedNames.add(d.name())) {
                throw new IllegalArgumentException(src + ": disputed (name '" + d.name() + "'): listed twice");
            }
            ActorForm f = byText.get(d.name());
            if (f != null) {
                throw new IllegalArgumentException(src + ": disputed (name '" + d.name() + "'): also listed as a "
                        + f.kind().name().toLowerCase() + " of " + f.code() + "; remove it from " + f.code());
            }
        }
        Set<String> ambiguousForms = new HashSet<>();
        for (AmbiguousForm a : ambiguous) {
            if (!ambiguousForms.add(a.form())) {
                throw new IllegalArgumentException(src + ": ambiguous (form '" + a.form() + "'): listed twice");
            }
            ActorForm f = byText.get(a.form());
            if (f != null) {
                throw new IllegalArgumentException(src + ": ambiguous (form '" + a.form() + "'): also listed as a "
                        + f.kind().name().toLowerCase() + " of " + f.code() + "; remove it from " + f.code());
            }
            if (disputedNames.contains(a.form())) {
                throw new IllegalArgumentException(src + ": ambiguous (form '" + a.form() + "'): also listed under disputed");
            }
        }
        return List.copyOf(byText.values());
    }

    /** A group's name may not also name a country or a disputed or ambiguous place: which would it be? */
    private static void checkGroups(String src, List<ActorForm> forms, List<ArmedGroup> groups) {
        Map<String, ActorForm> byText = new HashMap<>();
        forms.forEach(f -> byText.put(f.text(), f));
        Set<String> seen = new HashSet<>();
        for (ArmedGroup g : groups) {
            for (String n : g.names()) {
                ActorForm f = byText.get(n);
                if (f != null) {
                    throw new IllegalArgumentException(src + ": groups ('" + g.name() + "'): '" + n
                            + "' is also listed as a " + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " of " + f.code());
                }
                if (!seen.add(n)) {
                    throw new IllegalArgumentException(src + ": groups ('" + g.name() + "'): '" + n
                            + "' is listed for two groups");
                }
            }
        }
    }

    private static void add(String src, Map<String, ActorForm> byText, String code, List<String> texts, FormKind kind) {
        for (String t : texts) {
            ActorForm prev = byText.get(t);
            if (prev == null) {
                byText.put(t, new ActorForm(t, code, kind));
            } else if (!prev.code().equals(code)) {
                throw new IllegalArgumentException(src + ": form '" + t + "' is listed for both " + prev.code()
                        + " and " + code + "; a form may name one country only (list it under ambiguous instead)");
            }
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static void checkKeys(JsonNode obj, Set<String> allowed, String src, String where) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(src + ": " + where + ": unknown key '" + k
                        + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The entries of the top-level list {@code key}, each checked to be a mapping. */
    private static List<JsonNode> mappings(JsonNode root, String key, String src) {
        JsonNode n = list(root, key, src, "top level");
        List<JsonNode> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isObject()) {
                throw new IllegalArgumentException(src + ": " + key + "[" + i + "]: must be a mapping");
            }
            out.add(n.get(i));
        }
        return out;
    }

    /** A list under {@code key}; absent or null means empty. */
    private static JsonNode list(JsonNode obj, String key, String src, String where) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return ObjectMapperHolder.EMPTY;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(src + ": " + where + ": '" + key + "' must be a list");
        }
        return n;
    }

    private static String optionalText(JsonNode obj, String key, String src, String where) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            // YAML 1.1 reads unquoted yes/no/on/off as booleans: make that visible instead of guessing.
            throw new IllegalArgumentException(src + ": " + where + ": '" + key + "' must be a string (quote it)");
        }
        String s = n.asText();
        checkText(s, key, src, where);
        return s;
    }

    private static List<String> strings(JsonNode obj, String key, String src, String where) {
        JsonNode n = list(obj, key, src, where);
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            String at = key + "[" + i + "]";
            if (!v.isTextual()) {
                throw new IllegalArgumentException(src + ": " + where + ": " + at + " must be a string (quote it), got "
                        + v.toString());
            }
            checkText(v.asText(), at, src, where);
            out.add(v.asText());
        }
        return out;
    }

    private static List<String> codes(JsonNode obj, String key, String src, String where) {
        List<String> out = strings(obj, key, src, where);
        for (int i = 0; i < out.size(); i++) {
            if (!CODE.matcher(out.get(i)).matches()) {
                throw new IllegalArgumentException(src + ": " + where + ": " + key + "[" + i + "] '" + out.get(i)
                        + "' must be 3 upper-case letters");
            }
        }
        return out;
    }

    private static void checkText(String s, String what, String src, String where) {
        // Forms are matched verbatim: stray spaces would make a form silently never match.
        if (s.isBlank() || !s.equals(s.strip()) || s.contains("  ")) {
            throw new IllegalArgumentException(src + ": " + where + ": " + what + " '" + s
                    + "' is blank or has leading, trailing or double spaces");
        }
    }

    private static final class ObjectMapperHolder {
        static final JsonNode EMPTY = new ObjectMapper().createArrayNode();
    }
}
