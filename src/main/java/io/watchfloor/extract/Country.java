package io.watchfloor.extract;

import java.util.List;
import java.util.Objects;

/**
 * One country (or territory treated as an actor) of the catalog.
 *
 * @param code       ISO 3166-1 alpha-3 code (XKX for Kosovo)
 * @param name       display name
 * @param names      names, official names and short forms
 * @param adjectives adjectives and demonyms, singular and plural
 * @param capitals   capitals and seats of government used as metonyms
 * @param places     provinces, regions, cities and sites inside the country
 * @param organizations movements and armed groups counted under the territory they govern ("Hamas": Palestine)
 */
public record Country(String code, String name, List<String> names, List<String> adjectives,
                      List<String> capitals, List<String> places, List<String> organizations) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        names = List.copyOf(names);
        adjectives = List.copyOf(adjectives);
        capitals = List.copyOf(capitals);
        places = List.copyOf(places);
        organizations = List.copyOf(organizations);
    }

    public Country(String code, String name, List<String> names, List<String> adjectives, List<String> capitals,
                   List<String> places) {
        this(code, name, names, adjectives, capitals, places, List.of());
    }
}
