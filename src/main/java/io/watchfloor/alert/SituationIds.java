package io.watchfloor.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AlertAssembler#id} remembered for the situations seen lately: a war's every report raises its situations
 * again, and hashing the same key anew was a tenth of deciding an alert. Forgets everything past {@link #HELD}
 * situations (a replay of years of news must not hold them all). Thread-safe.
 */
final class SituationIds {
    static final int HELD = 65_536;

    private record Situation(String rule, String type, List<String> actors, LocalDate eventDate) { }

    private final Map<Situation, String> ids = new ConcurrentHashMap<>();

    String of(String rule, String type, List<String> actors, LocalDate eventDate) {
        Situation s = new Situation(rule, type, List.copyOf(actors), eventDate);
        String id = ids.get(s);
        if (id == null) {
            if (ids.size() >= HELD) {
                ids.clear();
            }
            id = AlertAssembler.id(rule, type, actors, eventDate);
            ids.put(s, id);
        }
        return id;
    }

    int size() {
        return ids.size();
    }
}
