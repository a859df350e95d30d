package io.watchfloor.extract;

import java.util.List;
import java.util.Objects;

/**
 * A place whose sovereignty is contested, so it must not be read as belonging to one country.
 *
 * @param name      the place as written in text ("Kashmir")
 * @param claimants codes of the claimants, the (main) administering country first
 * @param note      one line of context for humans
 */
public record DisputedPlace(String name, List<String> claimants, String note) {
    public DisputedPlace {
        Objects.requireNonNull(name, "name");
        claimants = List.copyOf(claimants);
        note = note == null ? "" : note;
    }
}
