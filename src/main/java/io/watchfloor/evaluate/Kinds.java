package io.watchfloor.evaluate;

import io.watchfloor.model.SignalType;
import java.util.Comparator;

/** The rows of the per-type table: single types in the contract's order, then mixed requirements by name. */
final class Kinds {
    static final Comparator<String> ORDER = Comparator.comparingInt(Kinds::rank).thenComparing(k -> k);

    private Kinds() { }

    private static int rank(String kind) {
        try {
            return SignalType.valueOf(kind).ordinal();
        } catch (IllegalArgumentException e) {
            return SignalType.values().length;
        }
    }
}
