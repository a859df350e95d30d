package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AlertSpill;
import io.watchfloor.store.AlertStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sole writer's alerts (a replay: no one else decides them, and no one reads them before it ends), decided in
 * memory with the same rules as {@link AlertStore#merge}: a report is held once (its article's sentence), a new
 * outlet is a new source, severity only rises, an alert shows its first reports and its latest. Nothing is read from
 * or written to a store on the way, which is what made an event-dense replay slow.
 *
 * <p>Memory stays bounded, however long the replay: past {@code maxAlerts} alerts or {@code maxKeys} report keys and
 * sources, the alerts touched least recently are written, whole, to the {@link AlertSpill} in one batch and
 * forgotten; one asked for again is read back whole. Which alert a situation has on an event date stays in memory
 * for {@code daysKept} days of news; older dates are written to the spill, which answers for them when a report of
 * an old event comes (rare: reports follow their events).
 */
public final class AlertBook {
    /** Alerts kept in memory at most: each with the reports it shows (up to 25), about 15 KB. */
    public static final int MAX_ALERTS = 4_000;
    /** Report keys (8 bytes) and sources (about 50) kept at most, over all alerts: at most about 100 MB. */
    public static final int MAX_KEYS = 2_000_000;
    /**
     * Days of news (by the latest publication date seen) that event dates stay in memory: past the rules' longest
     * window (rules.retentionDays, 45 by default), so a spill lookup is for an old event reported late.
     */
    public static final int DAYS_KEPT = 120;

    private final AlertSpill spill;
    private final int maxAlerts;
    private final int maxKeys;
    private final int daysKept;
    private final SituationIndex situations = new SituationIndex();
    /** Event dates before this epoch day are in the spill only. */
    private long spilledBefore = Long.MIN_VALUE;
    private long latestPublished = Long.MIN_VALUE;
    private long recorded;
    /** Least recently touched first. */
    private final Map<String, BookedAlert> inMemory = new LinkedHashMap<>(256, 0.75f, true);
    private long keys;
    private long spilled;
    private long readBack;

    public AlertBook(AlertSpill spill) {
        this(spill, MAX_ALERTS, MAX_KEYS, DAYS_KEPT);
    }

    AlertBook(AlertSpill spill, int maxAlerts, int maxKeys, int daysKept) {
        this.spill = spill;
        this.maxAlerts = maxAlerts;
        this.maxKeys = maxKeys;
        this.daysKept = daysKept;
    }

    /**
     * The candidate recorded as a new alert, or merged into the alert of its situation (same rule, type and actors,
     * an event date within {@code days}: the closest, then the smallest id).
     */
    AlertChange apply(Alert candidate, int days) {
        return apply(AlertCandidate.of(candidate), days);
    }

    /** As {@link #apply(Alert, int)}; the candidate is made whole only when it becomes a new alert. */
    AlertChange apply(AlertCandidate candidate, int days) {
        SituationIndex.Situation situation = new SituationIndex.Situation(candidate.rule(), candidate.type(),
                candidate.actors());
        long day = candidate.eventDate().toEpochDay();
        Optional<String> found = closest(situation, day, days);
        if (found.isEmpty()) {
            Alert whole = candidate.alert();
            situations.add(situation, day, whole.id());
            recorded++;
            published(candidate.evidence());
            BookedAlert b = BookedAlert.recorded(whole);
            keep(b);
            return new AlertChange(b.shown(), AlertChange.Kind.NEW);
        }
        published(candidate.evidence());
        BookedAlert b = booked(found.get());
        Alert before = b.shown();
        List<Evidence> added = new ArrayList<>();
        Set<String> newSources = new HashSet<>();
        for (Evidence e : new LinkedHashSet<>(candidate.evidence())) {
            if (b.holds(e)) {
                continue;
            }
            added.add(e);
            if (!b.holdsSource(e.sourceKey())) {
                newSources.add(e.sourceKey());
            }
        }
        Severity raised = candidate.severity().compareTo(before.severity()) > 0 ? candidate.severity()
                : before.severity();
        if (added.isEmpty() && raised == before.severity()) {
            return new AlertChange(before, AlertChange.Kind.UNCHANGED);
        }
        keys -= b.keys();
        b.add(added, raised, newSources.size());
        keys += b.keys();
        forgetBeyondBudget();
        Alert after = b.shown();
        boolean news = after.sources() > before.sources() || raised.compareTo(before.severity()) > 0;
        return new AlertChange(after, news ? AlertChange.Kind.UPDATED : AlertChange.Kind.REFINED);
    }

    /** Alerts recorded so far. */
    long count() {
        return recorded;
    }

    /** Alerts whose situation and event date are in memory. */
    long situationsInMemory() {
        return situations.size();
    }

    /**
     * The situation's alert closest to {@code day} within {@code days} (as {@code AlertStore.findSituation}: the
     * closest, then the smallest id), from memory and, for dates before those in memory, from the spill.
     */
    private Optional<String> closest(SituationIndex.Situation s, long day, int days) {
        Map<Long, String> near = situations.between(s, day - days, day + days);
        if (day - days < spilledBefore) {
            Map<Long, String> all = new TreeMap<>(spill.situationsBetween(s.rule(), s.type(),
                    String.join(",", s.actors()), day - days, Math.min(day + days, spilledBefore - 1)));
            near.forEach((d, id) -> all.merge(d, id, (a, b) -> a.compareTo(b) <= 0 ? a : b));
            near = all;
        }
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<Long, String> e : near.entrySet()) {
            long d = Math.abs(e.getKey() - day);
            if (d < bestDistance || d == bestDistance && e.getValue().compareTo(best) < 0) {
                best = e.getValue();
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Notes the latest publication date among the candidate's reports; each month of news, event dates older than
     * {@code daysKept} before it go to the spill.
     */
    private void published(List<Evidence> reports) {
        for (Evidence e : reports) {
            latestPublished = Math.max(latestPublished, e.published().toEpochDay());
        }
        if (latestPublished == Long.MIN_VALUE) {
            return; // no report dated yet
        }
        long horizon = latestPublished - daysKept;
        if (horizon >= spilledBefore + 30 || spilledBefore == Long.MIN_VALUE && situations.size() > 0) {
            List<AlertSpill.Situation> out = new ArrayList<>();
            for (SituationIndex.Entry e : situations.removeBefore(horizon)) {
                out.add(new AlertSpill.Situation(e.situation().rule(), e.situation().type(),
                        String.join(",", e.situation().actors()), e.day(), e.id()));
            }
            spill.writeSituations(out);
            spilledBefore = horizon;
        }
    }

    /** How many alerts were written to the spill and read back from it so far: for the replay's log. */
    String spillCounts() {
        return spilled + " alerts written out, " + readBack + " read back";
    }

    private BookedAlert booked(String id) {
        BookedAlert b = inMemory.get(id);
        if (b != null) {
            return b;
        }
        byte[] state = spill.read(id).orElseThrow(() -> new IllegalStateException(
                "alert " + id + " is neither in memory nor in the spill"));
        readBack++;
        b = BookedAlertCodec.decode(state);
        keep(b);
        return b;
    }

    private void keep(BookedAlert b) {
        inMemory.put(b.id(), b);
        keys += b.keys();
        forgetBeyondBudget();
    }

    /**
     * Past the budget, the least recently touched alerts down to seven eighths of it go to the spill in one batch
     * (one transaction for many alerts, not one for each).
     */
    private void forgetBeyondBudget() {
        if (inMemory.size() <= maxAlerts && keys <= maxKeys) {
            return;
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        Iterator<BookedAlert> eldest = inMemory.values().iterator();
        // The alert touched last stays: it is the one being decided.
        while ((inMemory.size() > maxAlerts * 7L / 8 || keys > maxKeys * 7L / 8) && inMemory.size() > 1) {
            BookedAlert b = eldest.next();
            out.put(b.id(), BookedAlertCodec.encode(b));
            keys -= b.keys();
            eldest.remove();
        }
        spill.write(out);
        spilled += out.size();
    }
}
