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

    /**
     * The alert for the same situation: same rule, type and actors, with an event date within {@code days} of
     * {@code date} (reports of one event often disagree by a day). The closest one wins.
     */
    public Optional<Alert> findSituation(String rule, String type, List<String> actors, LocalDate date, int days) {
        String sql = "SELECT id FROM alert WHERE rule = ? AND type = ? AND actors = ? AND event_date BETWEEN ? AND ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, rule);
            ps.setString(2, type);
            ps.setString(3, String.join(",", actors));
            ps.setDate(4, Date.valueOf(date.minusDays(days)));
            ps.setDate(5, Date.valueOf(date.plusDays(days)));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Alert best = null;
            for (String id : ids) {
                Alert a = load(c, id).orElseThrow();
                if (best == null || distance(a, date) < distance(best, date)
                        || distance(a, date) == distance(best, date) && a.id().compareTo(best.id()) < 0) {
                    best = a;
                }
            }
            return Optional.ofNullable(best);
        } catch (SQLException e) {
            throw new StoreException("cannot look up alerts for rule " + rule, e);
        }
    }

    private static long distance(Alert a, LocalDate date) {
        return Math.abs(a.eventDate().toEpochDay() - date.toEpochDay());
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
                      + " title = ?, summary = ?, sources = ?, updated_at = ? WHERE id = ?"
                    : "INSERT INTO alert (rule, category, type, severity, actors, event_date, title, summary,"
                      + " sources, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
                ps.setTimestamp(10, now);
                ps.setString(11, a.id());
                if (!exists) {
                    ps.setTimestamp(12, now);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_evidence WHERE alert_id = ?")) {
                ps.setString(1, a.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO alert_evidence (alert_id, seq, article_id, article_title, link, published,"
                            + " source_key, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Evidence e : a.evidence()) {
                    ps.setString(1, a.id());
                    ps.setInt(2, seq++);
                    ps.setString(3, e.articleId());
                    ps.setString(4, Text.clip(e.articleTitle(), 2000));
                    ps.setString(5, e.link());
                    ps.setDate(6, Date.valueOf(e.published()));
                    ps.setString(7, e.sourceKey());
                    ps.setString(8, Text.clip(e.sentence(), 4000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Alerts about the same countries with event dates in [from, to], most recent first. */
    public List<Alert> history(List<String> actors, java.time.LocalDate from, java.time.LocalDate to) {
        List<Alert> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM alert WHERE event_date BETWEEN ? AND ? ORDER BY event_date DESC, id")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                load(c, id).filter(a -> new java.util.HashSet<>(a.actors()).equals(new java.util.HashSet<>(actors)))
                        .ifPresent(out::add);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read alert history", e);
        }
        return out;
    }

    /** Alerts first recorded in [from, to). */
    public List<Alert> createdBetween(Instant from, Instant to) {
        List<Alert> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM alert WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                load(c, id).ifPresent(out::add);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts", e);
        }
        return out;
    }

    /** Every alert on record, oldest first. */
    public List<Alert> all() {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM alert ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            List<Alert> out = new ArrayList<>();
            for (String id : ids) {
                load(c, id).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list alerts", e);
        }
    }

    public int count() {
        return db.count("SELECT COUNT(*) FROM alert", "cannot count alerts");
    }

    private static Optional<Alert> load(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rule, category, type, severity, actors, event_date, title, summary, sources"
                        + " FROM alert WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Evidence> evidence = new ArrayList<>();
                try (PreparedStatement ev = c.prepareStatement(
                        "SELECT sentence, article_id, article_title, link, published, source_key FROM alert_evidence"
                                + " WHERE alert_id = ? ORDER BY seq")) {
                    ev.setString(1, id);
                    try (ResultSet r = ev.executeQuery()) {
                        while (r.next()) {
                            evidence.add(new Evidence(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                    r.getDate(5).toLocalDate(), r.getString(6)));
                        }
                    }
                }
                return Optional.of(new Alert(id, rs.getString(1), Category.valueOf(rs.getString(2)), rs.getString(3),
                        Severity.valueOf(rs.getString(4)), Arrays.asList(rs.getString(5).split(",")),
                        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), evidence, rs.getInt(9)));
            }
        }
    }
}
