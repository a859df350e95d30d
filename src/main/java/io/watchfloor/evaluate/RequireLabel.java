package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A require/optional label ({@code ../shared/corpus/README.md}): what an officer must be told about an article and
 * what may be said besides, scored exactly as that corpus's {@code score.py} scores {@code replay --format jsonl}
 * output.
 *
 * <p>The article's signals count once per (type, actor, target), the first one found standing for the others. A
 * requirement is met when one of them matches one of its items. A signal that matches no item, required or optional,
 * is a false alarm, unless its event date is before {@code background_before} (history the article tells) or,
 * with {@code domestic_ok}, actor and target are the same country.
 *
 * @param key              the article's file name without {@code .txt}
 * @param require          what must be found; empty for a trap
 * @param optional         what may be found besides
 * @param backgroundBefore an ISO date (or its start: "2024", "2024-05"), compared as text with the event date; null
 *                         when not given
 * @param domesticOk       signals within one country are not false alarms
 * @param source           the labels file and entry, for messages
 */
public record RequireLabel(String key, List<Requirement> require, List<LabelItem> optional, String backgroundBefore,
                           boolean domesticOk, String source) implements ArticleLabel {
    public RequireLabel {
        Objects.requireNonNull(key, "key");
        require = List.copyOf(require);
        optional = List.copyOf(optional);
    }

    @Override
    public Naming naming() {
        return Naming.STEM;
    }

    /** Nothing is required: a trap, whether or not it allows optional signals (as {@code score.py} counts). */
    @Override
    public boolean trap() {
        return require.isEmpty();
    }

    @Override
    public Judgement judge(List<Signal> signals) {
        Map<List<Object>, Signal> once = new LinkedHashMap<>();
        for (Signal s : signals) {
            once.putIfAbsent(Arrays.asList(s.type(), s.actor(), s.target()), s);
        }
        List<Signal> emitted = List.copyOf(once.values());
        List<String> hits = new ArrayList<>();
        List<Finding> misses = new ArrayList<>();
        List<LabelItem> allowed = new ArrayList<>();
        for (Requirement r : require) {
            allowed.addAll(r.anyOf());
            if (r.metBy(emitted)) {
                hits.add(r.kind());
            } else {
                misses.add(new Finding(key, r.kind(), r.toString(), null, trap()));
            }
        }
        allowed.addAll(optional);
        List<Finding> falseAlarms = new ArrayList<>();
        for (Signal s : emitted) {
            if (allowed.stream().anyMatch(i -> i.matches(s)) || background(s)
                    || domesticOk && Objects.equals(s.actor(), s.target())) {
                continue;
            }
            falseAlarms.add(new Finding(key, s.type().name(), ArticleLabel.describe(s), s.evidence(), trap()));
        }
        return new Judgement(hits, misses, falseAlarms, List.of());
    }

    private boolean background(Signal s) {
        return backgroundBefore != null && s.eventDate().toString().compareTo(backgroundBefore) < 0;
    }
}
