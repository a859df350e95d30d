package io.watchfloor.store;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Alerts and their evidence. An alert is committed here before anything is sent about it. */
public final class AlertStore {
    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    /** Evidence an alert shows: its first reports and its latest, however many it holds. */
    public static final int FIRST_SHOWN = 5;
    public static final int LATEST_SHOWN = 20;

    /**
     * The alert for the same situation: same rule, type and actors, with an event date within {@code days} of
     * {@code date} (reports of one event often disagree by a day). The closest one wins, then the smallest id.
     */
    public Optional<String> findSituation(String rule, String type, List<String> actors, LocalDate date, int days) {
        String sql = "SELECT id, event_date FROM alert WHERE rule = ? AND type = ? AND actors = ?"
                + " AND event_date BETWEEN ? AND ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, rule);
            ps.setString(2, type);
            ps.setString(3, String.join(",", actors));
            ps.setDate(4, Date.valueOf(date.minusDays(days)));
            ps.setDate(5, Date.valueOf(date.plusDays(days)));
            String best = null;
            long bestDistance = Long.MAX_VALUE;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    long d = Math.abs(rs.getDate(2).toLocalDate().toEpochDay() - date.toEpochDay());
                    if (d < bestDistance || d == bestDistance && id.compareTo(best) < 0) {
                        best = id;
                        bestDistance = d;
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (SQLException e) {
            throw new StoreException("cannot look up alerts for rule " + rule, e);
        }
    }

    /** Runs {@code work} (calls to this store) in one transaction. */
    public <T> T together(java.util.function.Supplier<T> work) {
        return db.inTransaction("cannot record alerts", c -> work.get());
    }

    /** An alert before and after reports were merged into it. */
    public record Merge(Alert before, Alert after, int addedReports, int reportsHeld) { }

    /** An alert as this node last saw it, with how many reports it held then. */
    public record Seen(Alert alert, int reportsHeld) { }

    /**
     * Adds to an alert the reports it does not hold yet (the same article's same sentence is held once), counts the
     * new sources among them, and raises its severity to {@code severity} when that is higher. One transaction with
     * the alert row locked, since two nodes may merge into one alert at once.
     *
     * @return empty when there is no such alert
     */
    public Optional<Merge> merge(String id, Severity severity, List<Evidence> reports, Seen lastSeen) {
        return merge(id, severity, reports, lastSeen, AlertKnowledge.NOTHING);
    }

    /** As {@link #merge(String, Severity, List, Seen)}, asking the store only what {@code knows} does not answer. */
    public Optional<Merge> merge(String id, Severity severity, List<Evidence> reports, Seen lastSeen,
                                 AlertKnowledge knows) {
        return db.inTransaction("cannot merge into alert " + id, c -> {
            // Reports are only ever appended: if the alert holds as many as when last seen, it shows the same ones.
            Optional<Loaded> found = load(c, id, true, lastSeen);
            if (found.isEmpty()) {
                return Optional.<Merge>empty();
            }
            Alert before = found.get().alert();
            List<Evidence> added = new ArrayList<>();
            java.util.Set<String> newSources = new java.util.HashSet<>();
            for (Evidence e : new java.util.LinkedHashSet<>(reports)) {
                Boolean held = knows.holdsReport(e);
                if (held == null ? holds(c, "SELECT 1 FROM alert_evidence WHERE alert_id = ? AND article_id = ?"
                        + " AND sentence = ?", id, e.articleId(), Text.clip(e.sentence(), 4000)) : held) {
                    continue;
                }
                added.add(e);
                if (newSources.contains(e.sourceKey())) {
                    continue;
                }
                Boolean source = knows.holdsSource(e.sourceKey());
                if (!(source == null ? holds(c, "SELECT 1 FROM alert_evidence WHERE alert_id = ? AND source_key = ?",
                        id, e.sourceKey()) : source)) {
                    newSources.add(e.sourceKey());
                }
            }
            Severity raised = severity.compareTo(before.severity()) > 0 ? severity : before.severity();
            int held = found.get().reports();
            if (added.isEmpty() && raised == before.severity()) {
                return Optional.of(new Merge(before, before, 0, held));
            }
            insertEvidence(c, id, held, added);
            int sources = before.sources() + newSources.size();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE alert SET severity = ?, sources = ?, reports = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, raised.name());
                ps.setInt(2, sources);
                ps.setInt(3, held + added.size());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.setString(5, id);
                ps.executeUpdate();
            }
            // What it shows now: its first reports, and the latest of those it showed followed by the new ones.
            List<Evidence> shown = new ArrayList<>(before.evidence());
            shown.addAll(added);
            Alert after = new Alert(id, before.rule(), before.category(), before.type(), raised, before.actors(),
                    before.eventDate(), before.title(), before.summary(), shown(shown), sources);
            return Optional.of(new Merge(before, after, added.size(), held + added.size()));
        });
    }

    private static boolean holds(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The evidence an alert shows out of all it holds, in order: see {@link #FIRST_SHOWN}. */
    public static List<Evidence> shown(List<Evidence> all) {
        if (all.size() <= FIRST_SHOWN + LATEST_SHOWN) {
            return all;
        }
        List<Evidence> out = new ArrayList<>(all.subList(0, FIRST_SHOWN));
        out.addAll(all.subList(all.size() - LATEST_SHOWN, all.size()));
        return out;
    }

    public Optional<Alert> find(String id) {
        try (Connection c = db.connection()) {
            return load(c, id);
        } catch (SQLException e) {
            throw new StoreException("cannot load alert " + id, e);
        }
    }

    /** Inserts or replaces an alert with its evidence, in one transaction. */
    public void save(Alert a) {
        db.inTransaction("cannot save alert " + a.id(), c -> {
            Timestamp now = Timestamp.from(Instant.now());
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alert WHERE id = ?")) {
                ps.setString(1, a.id());
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            String sql = exists
                    ? "UPDATE alert SET rule = ?, category = ?, type = ?, severity = ?, actors = ?, event_date = ?,"
                      + " title = ?, summary = ?, sources = ?, reports = ?, updated_at = ? WHERE id = ?"
                    : "INSERT INTO alert (rule, category, type, severity, actors, event_date, title, summary,"
                      + " sources, reports, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, a.rule());
                ps.setString(2, a.category().name());
                ps.setString(3, a.type());
                ps.setString(4, a.severity().name());
                ps.setString(5, String.join(",", a.actors()));
                ps.setDate(6, Date.valueOf(a.eventDate()));
                ps.setString(7, Text.clip(a.title(), 1000));
                ps.setString(8, Text.clip(a.summary(), 4000));
                ps.setInt(9, a.sources());
                ps.setInt(10, a.evidence().size());
                ps.setTimestamp(11, now);
                ps.setString(12, a.id());
                if (!exists) {
                    ps.setTimestamp(13, now);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_evidence WHERE alert_id = ?")) {
                ps.setString(1, a.id());
                ps.executeUpdate();
            }
            insertEvidence(c, a.id(), 0, a.evidence());
            return null;
        });
    }

    private static void insertEvidence(Connection c, String id, int firstSeq, List<Evidence> evidence)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alert_evidence (alert_id, seq, article_id, article_title, link, published,"
                        + " source_key, sentence, dated_at_fetch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (Evidence e : evidence) {
                ps.setString(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, e.articleId());
                ps.setString(4, Text.clip(e.articleTitle(), 2000));
                ps.setString(5, e.link());
                ps.setDate(6, Date.valueOf(e.published()));
                ps.setString(7, e.sourceKey());
                ps.setString(8, Text.clip(e.sentence(), 4000));
                ps.setBoolean(9, e.datedAtFetch());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Alerts about the same countries with event dates in [from, to], most recent first. */
    public List<Alert> history(List<String> actors, java.time.LocalDate from, java.time.LocalDate to) {
        // Actors are stored in the alert's order: either order of a pair is the same pair.
        List<String> reversed = new ArrayList<>(actors);
        java.util.Collections.reverse(reversed);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM alert WHERE event_date BETWEEN ? AND ? AND actors IN (?, ?)"
                        + " ORDER BY event_date DESC, id")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            ps.setString(3, String.join(",", actors));
            ps.setString(4, String.join(",", reversed));
            return loadEach(c, ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read alert history", e);
        }
    }

    /** Alerts first recorded in [from, to). */
    public List<Alert> createdBetween(Instant from, Instant to) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM alert WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            return loadEach(c, ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts", e);
        }
    }

    /** Alerts changed (raised or updated) at or after {@code from}, oldest change first. */
    public List<Alert> updatedSince(Instant from) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM alert WHERE updated_at >= ? ORDER BY updated_at, id")) {
            ps.setTimestamp(1, Timestamp.from(from));
            return loadEach(c, ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts", e);
        }
    }

    /** Every alert on record, oldest first. */
    public List<Alert> all() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM alert ORDER BY created_at, id")) {
            return loadEach(c, ps);
        } catch (SQLException e) {
            throw new StoreException("cannot list alerts", e);
        }
    }

    public int count() {
        return db.count("SELECT COUNT(*) FROM alert", "cannot count alerts");
    }

    /** The alerts whose ids {@code ps} selects, in its order (ids first: loading runs statements of its own). */
    private static List<Alert> loadEach(Connection c, PreparedStatement ps) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        List<Alert> out = new ArrayList<>();
        for (String id : ids) {
            load(c, id).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Alert> load(Connection c, String id) throws SQLException {
        return load(c, id, false, null).map(Loaded::alert);
    }

    /** An alert as it shows, and how many reports it holds in all. */
    private record Loaded(Alert alert, int reports) { }

    /**
     * An alert with the evidence it shows ({@link #shown}); {@code lock}: the row stays locked until commit;
     * {@code lastSeen}: its evidence is taken as shown when the alert still holds as many reports.
     */
    private static Optional<Loaded> load(Connection c, String id, boolean lock, Seen lastSeen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rule, category, type, severity, actors, event_date, title, summary, sources, reports"
                        + " FROM alert WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int reports = rs.getInt(10);
                List<Evidence> evidence = new ArrayList<>();
                if (lastSeen != null && lastSeen.alert().id().equals(id) && lastSeen.reportsHeld() == reports) {
                    evidence.addAll(lastSeen.alert().evidence());
                } else if (reports <= FIRST_SHOWN + LATEST_SHOWN) {
                    readEvidence(c, id, 0, reports, evidence);
                } else {
                    readEvidence(c, id, 0, FIRST_SHOWN, evidence);
                    readEvidence(c, id, reports - LATEST_SHOWN, reports, evidence);
                }
                return Optional.of(new Loaded(new Alert(id, rs.getString(1), Category.valueOf(rs.getString(2)),
                        rs.getString(3), Severity.valueOf(rs.getString(4)),
                        Arrays.asList(rs.getString(5).split(",")), rs.getDate(6).toLocalDate(), rs.getString(7),
                        rs.getString(8), evidence, rs.getInt(9)), reports));
            }
        }
    }

    /** The reports numbered [from, to) of an alert, in order. */
    private static void readEvidence(Connection c, String id, int from, int to, List<Evidence> out)
            throws SQLException {
        try (PreparedStatement ev = c.prepareStatement(
                "SELECT sentence, article_id, article_title, link, published, source_key, dated_at_fetch FROM alert_evidence"
                        + " WHERE alert_id = ? AND seq >= ? AND seq < ? ORDER BY seq")) {
            ev.setString(1, id);
            ev.setInt(2, from);
            ev.setInt(3, to);
            try (ResultSet r = ev.executeQuery()) {
                while (r.next()) {
                    out.add(new Evidence(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDate(5).toLocalDate(), r.getString(6), r.getBoolean(7)));
                }
            }
        }
    }
}
