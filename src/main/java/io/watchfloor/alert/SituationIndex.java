package io.watchfloor.alert;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every alert a sole writer recorded, by situation (rule, type, actors) and event date: answers "which alert is this
 * situation's" as {@code AlertStore.findSituation} would, without the store. Only for a store that was empty when
 * the writer began and that no one else writes (a replay's scratch store).
 */
final class SituationIndex {
    /** A situation: its alerts differ by event date only. */
    private record Situation(String rule, String type, List<String> actors) { }

    private final Map<Situation, NavigableMap<Long, String>> bySituation = new HashMap<>();
    private long size;

    /** The closest alert within {@code days} of {@code date}, then the smallest id. */
    Optional<String> find(String rule, String type, List<String> actors, LocalDate date, int days) {
        NavigableMap<Long, String> dates = bySituation.get(key(rule, type, actors));
        if (dates == null) {
            return Optional.empty();
        }
        long day = date.toEpochDay();
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<Long, String> e : dates.subMap(day - days, true, day + days, true).entrySet()) {
            long d = Math.abs(e.getKey() - day);
            if (d < bestDistance || d == bestDistance && e.getValue().compareTo(best) < 0) {
                best = e.getValue();
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    void add(String rule, String type, List<String> actors, LocalDate date, String id) {
        // Two alerts of one situation on one date cannot both be recorded: the second would have merged.
        NavigableMap<Long, String> dates = bySituation.computeIfAbsent(key(rule, type, actors), k -> new TreeMap<>());
        String old = dates.get(date.toEpochDay());
        if (old == null || id.compareTo(old) < 0) {
            dates.put(date.toEpochDay(), id);
        }
        if (old == null) {
            size++;
        }
    }

    /** Alerts indexed. */
    long size() {
        return size;
    }

    private static Situation key(String rule, String type, List<String> actors) {
        return new Situation(rule, type, actors);
    }
}
