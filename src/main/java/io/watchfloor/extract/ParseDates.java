package io.watchfloor.extract;

import io.watchfloor.extract.parse.Arc;
import io.watchfloor.extract.parse.ParsedSentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a sentence's dates may belong to a trigger's own clause, read from the parse (the dates of other clauses
 * are set aside; among the rest the nearest one is chosen as before): "struck on Thursday, two days
 * after Tehran fired missiles on Tuesday" is left to the word-order reading; a date in a relative clause about
 * another noun ("amid the war that began with the Hamas attack on October 7, 2023") dates that, not the trigger.
 */
final class ParseDates {
    /** A relative clause: a date in it is the date of what it tells of its noun. */
    private static final Set<String> OTHER_CLAUSE = Set.of("acl:relcl");

    private ParseDates() {
    }

    /**
     * The dates of {@code ds} in the clause of the trigger whose frame is {@code f}, and whether the sentence had
     * dates that all belong to other clauses (then the trigger has no date of its own there).
     */
    static Owned own(EventFrame f, List<DateMention> ds) {
        Set<Integer> clause = new HashSet<>(f.nodes);
        clause.addAll(ParseMood.governors(f.parse, f.head));
        List<DateMention> own = new ArrayList<>();
        for (DateMention d : ds) {
            int h = f.parse.headOf(d.start(), d.end());
            if (h >= 0 && reaches(f.parse, h, clause)) {
                own.add(d);
            }
        }
        return new Owned(own, !ds.isEmpty() && own.isEmpty());
    }

    /**
     * Whether going up from {@code token} meets the trigger's clause, or the root, before it crosses a link into
     * another clause (a relative, subordinate or reported clause, or a coordinated one).
     */
    private static boolean reaches(ParsedSentence p, int token, Set<Integer> clause) {
        int at = token;
        for (int guard = 0; guard < 12; guard++) {
            if (clause.contains(at)) {
                return true;
            }
            Arc up = null;
            for (Arc a : p.heads(at)) {
                if (a.head() >= 0 && !a.base().equals("conj") && !a.relation().equals("ref")) {
                    up = a;
                    break;
                }
            }
            if (up == null) {
                return true; // the root without crossing into another clause: may be the trigger's
            }
            if (OTHER_CLAUSE.contains(up.relation())) {
                // "a ceasefire that took effect on Tuesday" tells of the ceasefire; "the war that began with the
                // Hamas attack on October 7" dates the attack, not the strikes of the sentence
                return clause.contains(up.head());
            }
            at = up.head();
        }
        return false;
    }

    /**
     * @param dates   the trigger's own dates
     * @param elsewhere the sentence has dates, all of other clauses
     */
    record Owned(List<DateMention> dates, boolean elsewhere) {
    }
}
