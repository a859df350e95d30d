package io.watchfloor.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin-editable event lexicon ({@code rules/lexicon/events.yaml}), compiled into one phrase matcher so a
 * sentence is scanned once for every trigger, trap, context word and modality cue.
 */
public final class EventLexicon {
    public static final String FILE_NAME = "events.yaml";
    /** Separates the head and the tail of a split trigger: "fired ... missiles". */
    static final String GAP = "...";
    /** How far (in chars) the tail of a split trigger may follow its head. */
    private static final int MAX_GAP = 40;

    /** One type's entry in the file. */
    public record TypeEntry(List<String> triggers, String needs, List<String> history) { }

    /** The file's shape. */
    public record LexiconFile(Map<String, TypeEntry> types, List<String> traps, Map<String, List<String>> contexts,
                              Map<String, List<String>> modality, List<String> support,
                              Map<String, EventSenses.Entry> senses) { }

    private final PhraseMatcher<Cue> matcher;
    /** The trigger phrases and the heads of split ones alone: what an article needs to be read sentence by sentence. */
    private final PhraseMatcher<Cue> triggerStarts;
    private final Set<SignalType> placeOnly;
    private final int phrases;
    private final Set<String> supportVerbs;
    private final EventSenses senses;

    private EventLexicon(PhraseMatcher<Cue> matcher, PhraseMatcher<Cue> triggerStarts, Set<SignalType> placeOnly,
                         int phrases, Set<String> supportVerbs, EventSenses senses) {
        this.matcher = matcher;
        this.triggerStarts = triggerStarts;
        this.placeOnly = placeOnly;
        this.phrases = phrases;
        this.supportVerbs = supportVerbs;
        this.senses = senses;
    }

    /** Reads the lexicon from {@code file}; problems name the file and the key. */
    public static EventLexicon load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        LexiconFile f;
        try {
            f = yaml.readValue(Files.readString(file), LexiconFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ": unknown key '"
                    + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + (e.getLocation() != null ? ":" + e.getLocation().getLineNr()
                    : "") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read lexicon (" + e.getMessage() + ")");
        }
        if (f == null || f.types() == null || f.types().isEmpty()) {
            throw new IllegalArgumentException(file + ": no 'types' section");
        }
        return build(f, file.toString());
    }

    static EventLexicon build(LexiconFile f, String source) {
        PhraseMatcher.Builder<Cue> b = PhraseMatcher.builder();
        PhraseMatcher.Builder<Cue> starts = PhraseMatcher.builder();
        Set<SignalType> placeOnly = EnumSet.noneOf(SignalType.class);
        int n = 0;
        int parts = 0;
        Map<SignalType, Boolean> seen = new EnumMap<>(SignalType.class);
        for (Map.Entry<String, TypeEntry> e : f.types().entrySet()) {
            SignalType type = typeOf(e.getKey(), source + ": types." + e.getKey());
            seen.put(type, true);
            TypeEntry t = e.getValue();
            if (t == null || t.triggers() == null || t.triggers().isEmpty()) {
                throw new IllegalArgumentException(source + ": types." + e.getKey() + ": no triggers");
            }
            for (String p : orEmpty(t.history())) {
                b.add(p, new Cue.Trigger(type, true));
                starts.add(p, new Cue.Trigger(type, true));
                n++;
            }
            if ("place".equals(t.needs())) {
                placeOnly.add(type);
            } else if (t.needs() != null && !"pair".equals(t.needs())) {
                throw new IllegalArgumentException(source + ": types." + e.getKey() + ".needs: '" + t.needs()
                        + "' is not 'pair' or 'place'");
            }
            for (String p : t.triggers()) {
                int gap = p.indexOf(GAP);
                if (gap >= 0) {
                    String head = p.substring(0, gap).strip();
                    String tail = p.substring(gap + GAP.length()).strip();
                    if (head.isEmpty() || tail.isEmpty() || tail.contains(GAP)) {
                        throw new IllegalArgumentException(source + ": types." + e.getKey() + ": '" + p
                                + "': a split trigger is 'head ... tail'");
                    }
                    b.add(head, new Cue.Part(parts, true, type));
                    starts.add(head, new Cue.Part(parts, true, type));
                    b.add(tail, new Cue.Part(parts, false, type));
                    parts++;
                } else {
                    b.add(p, new Cue.Trigger(type));
                    starts.add(p, new Cue.Trigger(type));
                }
                n++;
            }
        }
        for (String p : orEmpty(f.traps())) {
            b.add(p, new Cue.Trap());
            n++;
        }
        if (f.contexts() != null) {
            for (Map.Entry<String, List<String>> e : f.contexts().entrySet()) {
                for (String p : orEmpty(e.getValue())) {
                    b.add(p, new Cue.Context(e.getKey()));
                    n++;
                }
            }
        }
        if (f.modality() != null) {
            for (Map.Entry<String, List<String>> e : f.modality().entrySet()) {
                Cue.Mood mood;
                try {
                    mood = Cue.Mood.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(source + ": modality." + e.getKey()
                            + ": expected negation, hypothetical, planned or background");
                }
                for (String p : orEmpty(e.getValue())) {
                    b.add(p, new Cue.Modality(mood));
                    n++;
                }
            }
        }
        Set<String> support = orEmpty(f.support()).stream().map(v -> v.toLowerCase(Locale.ROOT).strip())
                .collect(Collectors.toUnmodifiableSet());
        return new EventLexicon(b.caseSensitive(false).build(), starts.caseSensitive(false).build(), placeOnly, n,
                support, EventSenses.of(f.senses(), source));
    }

    /** The signal type named {@code name}; {@code where} names the file and key in the error. */
    static SignalType typeOf(String name, String where) {
        try {
            return SignalType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": not a signal type (one of "
                    + Arrays.toString(SignalType.values()) + ")");
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    /**
     * Whether some sentence of {@code text} may hold a trigger: a trigger phrase or the head of a split one occurs in
     * it. Each sentence is a stretch of its text between whitespace, where every phrase found in the sentence is
     * found again (a word boundary at the sentence's ends is whitespace in the text), so text without one holds no
     * sentence with a trigger.
     */
    public boolean mayTrigger(CharSequence text) {
        return triggerStarts.occursIn(text);
    }

    /** Every cue in the text (overlapping ones included: a trap must see the trigger it covers). */
    public List<PhraseMatch<Cue>> scan(CharSequence text) {
        List<PhraseMatch<Cue>> all = matcher.findAll(text);
        boolean split = false;
        for (PhraseMatch<Cue> m : all) {
            if (m.payload() instanceof Cue.Part) {
                split = true;
                break;
            }
        }
        if (!split) {
            return all;
        }
        // Join each head with the nearest tail of the same entry that follows it in the same clause.
        List<PhraseMatch<Cue>> out = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            PhraseMatch<Cue> m = all.get(i);
            if (!(m.payload() instanceof Cue.Part head)) {
                out.add(m);
                continue;
            }
            if (!head.head()) {
                continue;
            }
            for (int j = i + 1; j < all.size(); j++) {
                PhraseMatch<Cue> o = all.get(j);
                if (o.start() - m.end() > MAX_GAP) {
                    break;
                }
                if (o.start() >= m.end() && o.payload() instanceof Cue.Part tail && !tail.head()
                        && tail.entry() == head.entry() && !clauseBreak(text, m.end(), o.start())) {
                    out.add(new PhraseMatch<>(m.start(), o.end(), m.phrase() + " ... " + o.phrase(),
                            new Cue.Trigger(head.type())));
                    break;
                }
            }
        }
        out.sort(java.util.Comparator.<PhraseMatch<Cue>>comparingInt(PhraseMatch::start)
                .thenComparing(java.util.Comparator.<PhraseMatch<Cue>>comparingInt(PhraseMatch::end).reversed()));
        return out;
    }

    private static boolean clauseBreak(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == '\u2014') {
                return true;
            }
        }
        return false;
    }

    /** Types whose only party is the country where it happened (ATTACK). */
    public boolean placeOnly(SignalType type) {
        return placeOnly.contains(type);
    }

    /**
     * Verbs that only carry an event named by a noun (lemmas): "launched strikes", "held talks", "agreed to a truce".
     * Their subject is the doer of the noun's event.
     */
    Set<String> supportVerbs() {
        return supportVerbs;
    }

    /** The words that make a trigger mean something else. */
    EventSenses senses() {
        return senses;
    }

    public int size() {
        return phrases;
    }
}
