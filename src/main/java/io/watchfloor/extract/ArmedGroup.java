package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * An armed group, militia or rebel movement that is not a state: where it fights, and, for a group that came to
 * govern a state, from when it acts as that state (the Taliban as Afghanistan from 2021-08-15).
 *
 * @param names     forms as written in text ("Hezbollah", "Hizbollah")
 * @param where     the countries where it operates, the main one first; a mention stands for one of them only when
 *                  the article names exactly one of them otherwise (or there is only one)
 * @param governs   the state it acts as once it governs it, or null
 * @param since     from when it governs {@code governs}
 * @param note      one line for humans
 */
public record ArmedGroup(List<String> names, List<String> where, String governs, LocalDate since, String note) {
    public ArmedGroup {
        names = List.copyOf(names);
        where = List.copyOf(where);
        note = note == null ? "" : note;
        if (names.isEmpty() || where.isEmpty()) {
            throw new IllegalArgumentException("a group needs names and where it operates");
        }
        if ((governs == null) != (since == null)) {
            throw new IllegalArgumentException(names.get(0) + ": 'governs' needs 'since' and the other way round");
        }
    }

    /** The state it acts as on {@code date}, or null when it is a group then. */
    public String stateOn(LocalDate date) {
        return governs != null && !date.isBefore(since) ? governs : null;
    }

    public String name() {
        return names.get(0);
    }
}
