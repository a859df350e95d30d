package io.watchfloor.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The alerts a sole writer recorded, by situation (rule, type, actors) and event date: which alerts a situation
 * has near a date, as {@code AlertStore.findSituation} would look them up, without the store. The entries of old
 * event dates can be taken out ({@link #removeBefore}) to be kept elsewhere.
 */
final class SituationIndex {
    /** A situation: its alerts differ by event date only. */
    record Situation(String rule, String type, List<String> actors) { }

    /** One alert of a situation, on its event date (an epoch day). */
    record Entry(Situation situation, long day, String id) { }

    private final Map<Situation, NavigableMap<Long, String>> bySituation = new HashMap<>();
    private long size;

    /** The situation's alerts with event dates in [fromDay, toDay], by date. */
    Map<Long, String> between(Situation s, long fromDay, long toDay) {
        NavigableMap<Long, String> dates = bySituation.get(s);
        return dates == null || fromDay > toDay ? Map.of() : dates.subMap(fromDay, true, toDay, true);
    }

    void add(Situation s, long day, String id) {
        // Two alerts of one situation on one date cannot both be recorded: the second would have merged.
        NavigableMap<Long, String> dates = bySituation.computeIfAbsent(s, k -> new TreeMap<>());
        String old = dates.get(day);
        if (old == null || id.compareTo(old) < 0) {
            dates.put(day, id);
        }
        if (old == null) {
            size++;
        }
    }

    /** Takes out every alert with an event date before {@code day}, and returns them. */
    List<Entry> removeBefore(long day) {
        List<Entry> out = new ArrayList<>();
        for (Iterator<Map.Entry<Situation, NavigableMap<Long, String>>> it = bySituation.entrySet().iterator();
             it.hasNext(); ) {
            Map.Entry<Situation, NavigableMap<Long, String>> s = it.next();
            NavigableMap<Long, String> old = s.getValue().headMap(day, false);
            old.forEach((d, id) -> out.add(new Entry(s.getKey(), d, id)));
            size -= old.size();
            old.clear();
            if (s.getValue().isEmpty()) {
                it.remove();
            }
        }
        return out;
    }

    /** Alerts indexed here. */
    long size() {
        return size;
    }
}
