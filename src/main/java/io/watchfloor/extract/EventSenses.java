package io.watchfloor.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import io.watchfloor.model.SignalType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words around a trigger that make it mean something else, from the lexicon's {@code senses} section: a strike
 * whose object is a deal, a release whose object is a payload or a report, a visit by pilgrims or a film director,
 * a ceasefire that only qualifies a line or monitors. Words are compared by their dictionary form ("deals" is
 * "deal").
 */
final class EventSenses {
    /** One type's entry: the words that, in each position around the trigger, make it another sense. */
    record Entry(List<String> objects, List<String> doers, List<String> modifies,
                 @JsonProperty("needs_objects") List<String> needsObjects) {
    }

    private record Words(Set<String> objects, Set<String> doers, Set<String> modifies, Set<String> needsObjects) {
    }

    private final Map<SignalType, Words> byType;

    private EventSenses(Map<SignalType, Words> byType) {
        this.byType = byType;
    }

    static EventSenses none() {
        return new EventSenses(Map.of());
    }

    /** The senses of the file's section; keys are type names; problems name {@code source} and the key. */
    static EventSenses of(Map<String, Entry> section, String source) {
        Map<SignalType, Words> m = new EnumMap<>(SignalType.class);
        if (section != null) {
            for (Map.Entry<String, Entry> e : section.entrySet()) {
                SignalType type = EventLexicon.typeOf(e.getKey(), source + ": senses." + e.getKey());
                Entry x = e.getValue();
                if (x == null) {
                    continue;
                }
                m.put(type, new Words(lower(x.objects()), lower(x.doers()), lower(x.modifies()),
                        lower(x.needsObjects())));
            }
        }
        return new EventSenses(m);
    }

    private static Set<String> lower(List<String> words) {
        return words == null ? Set.of()
                : words.stream().map(w -> w.toLowerCase(Locale.ROOT).strip()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the trigger of {@code f} is used in another sense than an event of {@code type}. */
    boolean otherSense(SignalType type, EventFrame f) {
        Words w = byType.get(type);
        if (w == null) {
            return false;
        }
        ParsedSentence p = f.parse;
        if (any(p, f.objects, w.objects()) || any(p, f.aimed, w.objects()) || any(p, f.doers, w.doers())) {
            return true;
        }
        if (!w.needsObjects().isEmpty() && !f.objects.isEmpty()
                && f.objects.stream().noneMatch(i -> any(p, List.of(i), w.needsObjects())
                        || p.token(i).tag().startsWith("NNP"))) { // "freed 50 Ukrainians", "released Smith"
            return true; // "handed over a protest note": nobody set free
        }
        for (Arc up : p.heads(f.head)) {
            boolean modifier = up.base().equals("compound") || up.base().equals("amod") || up.base().equals("nmod");
            if (modifier && up.head() >= 0 && any(p, List.of(up.head()), w.modifies())) {
                return true; // "the ceasefire line", "truce monitors", "monitors of the truce"
            }
        }
        return false;
    }

    private static boolean any(ParsedSentence p, List<Integer> words, Set<String> lemmas) {
        for (int i : words) {
            if (lemmas.contains(p.token(i).lemma()) || lemmas.contains(p.token(i).word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
