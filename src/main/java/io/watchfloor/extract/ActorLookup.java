package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a name stands for on a date, and why: the catalogue entries it matches (country form, place, disputed or
 * ambiguous name, armed group, people and their terms with the file and line they come from). For admins checking
 * the catalogue and for tests.
 */
public final class ActorLookup {
    private ActorLookup() { }

    /**
     * The explanation, one line each; empty when the catalogue does not know {@code name} as a whole.
     *
     * @param code receives the code the name stands for when read alone, or nothing
     */
    public static List<String> explain(ActorCatalog catalog, String name, LocalDate date, List<String> code) {
        ActorIndex index = catalog.index();
        List<String> out = new ArrayList<>();
        String text = name.strip();
        for (PhraseMatch<Object> h : index.find(text)) {
            if (h.start() != 0 || h.end() != text.length()) {
                continue;
            }
            Object p = h.payload();
            if (p instanceof ActorForm f) {
                out.add("'" + text + "': " + f.kind().name().toLowerCase() + " of " + f.code() + " ("
                        + catalog.displayName(f.code()) + ")" + (f.kind() == FormKind.PLACE
                        ? ": names where something happens; stands for " + f.code() + " only as a party" : ""));
                code.add(f.code());
            } else if (p instanceof AmbiguousForm a) {
                out.add("'" + text + "': ambiguous, may be " + (a.candidates().isEmpty() ? "no country"
                        : String.join(" or ", a.candidates())) + (a.kind() == null ? "; never resolved alone"
                        : "; resolved per article to the one candidate it also names"
                        + (a.fallback() == null ? "" : ", else " + a.fallback())));
            } else if (p instanceof DisputedPlace d) {
                out.add("'" + text + "': disputed, claimed by " + String.join(", ", d.claimants())
                        + "; pinned on no one country. " + d.note());
            } else if (p instanceof ActorIndex.GroupName g) {
                ArmedGroup group = g.group();
                String state = group.stateOn(date);
                out.add("'" + text + "': armed group '" + group.name() + "', fights in "
                        + String.join(", ", group.where())
                        + (group.governs() == null ? "" : "; governs " + group.governs() + " since " + group.since())
                        + (state != null ? "; on " + date + " it acts as " + state
                        : "; on " + date + " a group: where it fights, never a party"
                        + (group.where().size() > 1 ? " (the one of them the article names)" : "")));
                if (state != null) {
                    code.add(state);
                } else if (group.where().size() == 1) {
                    code.add(group.where().get(0) + ", where the group fights (never a party)");
                }
            } else if (p instanceof ActorIndex.PersonName pn) {
                ActorIndex.Resolution r = index.resolve(pn, date, Set.of(), false);
                out.add("'" + text + "' on " + date + ": " + (r.code() != null ? r.code() + " ("
                        + catalog.displayName(r.code()) + ")" : "no country") + ", " + r.why());
                if (r.code() != null) {
                    code.add(r.code());
                }
                for (Person person : pn.full()) {
                    out.add("  full name of " + describe(person, index, text));
                }
                for (Person person : pn.shorts()) {
                    if (!pn.full().contains(person)) {
                        out.add("  surname of " + describe(person, index, text));
                    }
                }
            }
        }
        return out;
    }

    private static String describe(Person p, ActorIndex index, String text) {
        StringBuilder sb = new StringBuilder(p.name()).append(" (").append(p.source()).append(")");
        if (p.shorts().contains(text) && index.needsIntroduction(p, text)) {
            sb.append(", alone only once the article names them in full or with a title");
        }
        for (Term t : p.terms()) {
            sb.append("\n      ").append(t);
        }
        return sb.toString();
    }
}
