package io.watchfloor.extract;

/**
 * A country named in a sentence, directly or through a place, capital, adjective, person or armed group.
 *
 * @param code     ISO 3166-1 alpha-3 code of the country the words stand for
 * @param kind     how the sentence names it (below)
 * @param locative the mention follows a preposition of place ("in Pakistan", "on Iran's ..."): where, not who
 * @param agent    the mention follows "by" (the doer in a passive sentence)
 */
record Mention(int start, int end, String code, Kind kind, boolean locative, boolean agent) {
    /** How a sentence names a country. */
    enum Kind {
        /** Its name or a metonym ("Iran", "the Islamic Republic"), or a group that governs it ("Hamas"). */
        NAME,
        /** Its adjective or demonym ("Iranian", "Filipino peacekeepers"). */
        ADJECTIVE,
        /** Its capital or seat of government ("Tehran", "the Kremlin"). */
        CAPITAL,
        /** A province, city or site inside it: where something happens, never who does it. */
        PLACE,
        /** A person who served it on the article's date ("Obama" in 2012), or an official the article introduced. */
        PERSON,
        /**
         * An armed group, militia or rebel movement that is not a state ("Hezbollah", "the ELN"): {@code code} is
         * the country where it fights. Never a party to an event between states; where an attack by it happened
         * when the sentence names no place. A group that governs a state is a NAME instead.
         */
        GROUP
    }

    /** Places are where things happen, groups act for no state: neither is a party. */
    boolean canAct() {
        return !locative && kind != Kind.PLACE && kind != Kind.GROUP;
    }

    boolean isWhere() {
        return locative || kind == Kind.PLACE;
    }
}
