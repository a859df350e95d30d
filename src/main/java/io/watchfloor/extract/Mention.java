package io.watchfloor.extract;

/**
 * A country named in a sentence, directly or through a place, capital, adjective or an official named earlier.
 *
 * @param locative the mention follows a preposition of place ("in Pakistan", "on Iran's ..."): where, not who
 * @param agent    the mention follows "by" (the doer in a passive sentence)
 */
record Mention(int start, int end, String code, Kind kind, boolean locative, boolean agent) {
    enum Kind { NAME, ADJECTIVE, CAPITAL, PLACE, PERSON }

    /** Places are where things happen, never who does them. */
    boolean canAct() {
        return !locative && kind != Kind.PLACE;
    }

    boolean isWhere() {
        return locative || kind == Kind.PLACE;
    }
}
