package io.watchfloor.extract;

/** Which list of a country an {@link ActorForm} came from; extractors may weigh them differently. */
public enum FormKind {
    /** A name of the country itself ("Iran", "the Islamic Republic"). */
    NAME,
    /** An adjective or demonym ("Iranian", "Iranians"). */
    ADJECTIVE,
    /** A capital or seat of government used as a metonym ("Tehran", "the Kremlin"). */
    CAPITAL,
    /** A province, region, city or site inside the country ("Sistan-Baluchestan"). */
    PLACE,
    /** A movement or armed group counted under the territory it governs ("Hamas"); it acts as the country. */
    ORGANIZATION
}
