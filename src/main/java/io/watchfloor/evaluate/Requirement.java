package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One required item of a require/optional label: met when some signal of the article matches one of its
 * alternatives ({@code {any_of: [...]}} lists several; a plain item is a list of one).
 */
public record Requirement(List<LabelItem> anyOf) {
    public Requirement {
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("a requirement needs at least one item");
        }
        anyOf = List.copyOf(anyOf);
    }

    public boolean metBy(List<Signal> signals) {
        return signals.stream().anyMatch(s -> anyOf.stream().anyMatch(i -> i.matches(s)));
    }

    /** The row of the per-type table it counts in: its type, or its types joined ("CLASH|STRIKE"), or "*". */
    public String kind() {
        return anyOf.stream().map(LabelItem::typeName).distinct().sorted(Kinds.ORDER)
                .collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return anyOf.stream().map(LabelItem::toString).collect(Collectors.joining(" | "));
    }
}
