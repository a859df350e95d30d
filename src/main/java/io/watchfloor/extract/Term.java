package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A time a person served a state.
 *
 * @param code      the state served (ISO 3166-1 alpha-3)
 * @param role      what as: HOS head of state, HOG head of government, FM foreign and DM defence minister in the
 *                  project's own data; PETRARCH-2's role codes (GOV, GOVMIL, MIL, SPY ...) in the converted data
 * @param from      first day, inclusive; null for "since ever"
 * @param to        last day, inclusive; null for "still serving"
 * @param uncertain the source cannot vouch for one of the dates (an end the data could not know, a date known to
 *                  the month)
 */
public record Term(String code, String role, LocalDate from, LocalDate to, boolean uncertain) {
    public Term {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(role, "role");
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /** A head of state or government, or a minister who speaks for the state abroad. */
    boolean leading() {
        return role.equals("HOS") || role.equals("HOG") || role.equals("FM") || role.equals("DM")
                || role.equals("GOV");
    }

    @Override
    public String toString() {
        return code + " " + role + " " + (from == null ? "" : from) + ".." + (to == null ? "" : to)
                + (uncertain ? " (uncertain)" : "");
    }
}
