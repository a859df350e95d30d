package io.watchfloor.extract.parse;

/**
 * One dependency: {@code dependent} is a {@code relation} of {@code head} (Universal Dependencies, with the
 * preposition or conjunction in the relation as CoreNLP's enhanced graphs write it: "obl:on", "conj:and").
 *
 * @param head      index of the governing token, or -1 for the root of the sentence
 * @param dependent index of the dependent token
 * @param relation  the relation, lower case
 */
public record Arc(int head, int dependent, String relation) {
    /** The relation without its subtype: "obl" for "obl:on". */
    public String base() {
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }

    /** The subtype, "on" for "obl:on"; empty when there is none. */
    public String subtype() {
        int colon = relation.indexOf(':');
        return colon < 0 ? "" : relation.substring(colon + 1);
    }
}
