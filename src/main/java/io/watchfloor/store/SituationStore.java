package io.watchfloor.store;

import io.watchfloor.model.Category;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the situation board reads: alerts and signals summed per pair over a window of event dates, a pair's
 * timeline, an alert's updates and deliveries. Counted in the database, so the board costs the same with a hundred
 * alerts or a hundred thousand on record. A pair is its two codes in alphabetical order ("IRN-PAK"); alerts store
 * their actors in their own order, so both orders are read.
 */
public final class SituationStore {
    private final Database db;

    public SituationStore(Database db) {
        this.db = db;
    }

    /** Alerts of one pair, category and severity in a window; {@code unacknowledged}: how many are not covered. */
    public record AlertGroup(String pair, Category category, Severity severity, int count, int unacknowledged,
                             LocalDate latest) { }

    /** Signals of one pair, type and day (planned ones left out: they have not happened). */
    public record SignalCount(String pair, String type, LocalDate day, int count) { }

    /** An alert as a line of a timeline, with its first report, and who acknowledged it (at what severity). */
    public record AlertLine(String id, String rule, Category category, String type, Severity severity,
                            LocalDate eventDate, String title, int sources, String sentence, String articleTitle,
                            String link, String outlet, String acknowledgedBy, Severity acknowledgedAt) {
        public boolean acknowledged() {
            return acknowledgedAt != null && acknowledgedAt.compareTo(severity) >= 0;
        }
    }

    /** A signal as a line of a timeline, with its article. */
    public record SignalLine(String type, String actor, String target, LocalDate eventDate, boolean planned,
                             String sentence, String articleId, String articleTitle, LocalDate published, String link,
                             String outlet) { }

    /** An acknowledgement with its alert's pair and title. */
    public record Acknowledged(String pair, String alertId, String title, Severity severity, String author, Instant at,
                               String note, boolean covers) { }

    /** A change recorded in an alert's journal. */
    public record Update(String kind, String node, Instant at) { }

    /** A message that carried the alert (or is to). */
    public record Delivery(String recipient, String status, Instant created, Instant sent, String messageId,
                           String subject, String severity, Integer sources) { }

    /** How many of an alert's reports each source gave. */
    public record SourceCount(String source, int reports) { }

    /** Alert counts per pair, category and severity with event dates in [from, to]. */
    public List<AlertGroup> alertGroups(LocalDate from, LocalDate to) {
        String sql = "SELECT a.actors, a.category, a.severity, COUNT(*),"
                + " SUM(CASE WHEN k.severity IS NULL OR k.severity <> a.severity THEN 1 ELSE 0 END),"
                + " MAX(a.event_date) FROM alert a LEFT JOIN acknowledgement k ON k.alert_id = a.id"
                + " WHERE a.event_date BETWEEN ? AND ? GROUP BY a.actors, a.category, a.severity";
        List<AlertGroup> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertGroup(pairOf(rs.getString(1)), Category.valueOf(rs.getString(2)),
                            Severity.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                            rs.getDate(6).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot sum alerts per pair", e);
        }
        return out;
    }

    /** The latest alert of a pair in one category: the board's "latest escalation" and "latest de-escalation". */
    public record LatestAlert(String pair, Category category, String id, String title, LocalDate eventDate,
                              Severity severity, String type, Instant updated) { }

    /**
     * The latest alert (event date, then change) of every pair and category with event dates in [from, to], in one
     * pass over the window (not one query per pair).
     */
    public Map<String, LatestAlert> latestAlerts(LocalDate from, LocalDate to) {
        // Ranked on the board's index alone; only the winners' rows are read for their titles.
        String sql = "SELECT a.actors, a.category, a.id, a.title, a.event_date, a.severity, a.type, a.updated_at"
                + " FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY actors, category"
                + " ORDER BY event_date DESC, updated_at DESC, id) AS n"
                + " FROM alert WHERE event_date BETWEEN ? AND ?) t JOIN alert a ON a.id = t.id WHERE t.n = 1";
        Map<String, LatestAlert> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LatestAlert l = new LatestAlert(pairOf(rs.getString(1)), Category.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                            Severity.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant());
                    // A pair's alerts are stored as A,B or B,A: the later of the two orientations wins.
                    out.merge(l.pair() + "/" + l.category(), l, (x, y) -> LATEST.compare(x, y) <= 0 ? x : y);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the latest alerts per pair", e);
        }
        return out;
    }

    private static final Comparator<LatestAlert> LATEST = Comparator.comparing(LatestAlert::eventDate)
            .thenComparing(LatestAlert::updated).reversed().thenComparing(LatestAlert::id);

    /** Signal counts between two different states per pair, type and day in [from, to]. */
    public List<SignalCount> signalCounts(LocalDate from, LocalDate to) {
        String sql = "SELECT actor, target, type, event_date, COUNT(*) FROM signal WHERE event_date BETWEEN ? AND ?"
                + " AND planned = FALSE AND actor IS NOT NULL AND actor <> target"
                + " GROUP BY actor, target, type, event_date";
        List<SignalCount> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SignalCount(pairOf(rs.getString(1) + "," + rs.getString(2)), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count signals per pair", e);
        }
        return out;
    }

    /** The pair's alerts in [from, to], latest event first (then latest change), at most {@code limit}. */
    public List<AlertLine> alerts(String pair, LocalDate from, LocalDate to, Category category, int limit) {
        String sql = "SELECT a.id, a.rule, a.category, a.type, a.severity, a.event_date, a.title, a.sources,"
                + " e.sentence, e.article_title, e.link, e.source_key, k.author, k.severity"
                + " FROM alert a LEFT JOIN alert_evidence e ON e.alert_id = a.id AND e.seq = 0"
                + " LEFT JOIN acknowledgement k ON k.alert_id = a.id"
                + " WHERE a.actors IN (?, ?) AND a.event_date BETWEEN ? AND ?"
                + (category == null ? "" : " AND a.category = ?")
                + " ORDER BY a.event_date DESC, a.updated_at DESC, a.id";
        List<AlertLine> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            String[] codes = pair.split("-");
            ps.setString(1, String.join(",", codes));
            ps.setString(2, codes.length == 2 ? codes[1] + "," + codes[0] : pair);
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            if (category != null) {
                ps.setString(5, category.name());
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String acked = rs.getString(14);
                    out.add(new AlertLine(rs.getString(1), rs.getString(2), Category.valueOf(rs.getString(3)),
                            rs.getString(4), Severity.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(),
                            rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), acked == null ? null : Severity.valueOf(acked)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the alerts of " + pair, e);
        }
        return out;
    }

    /** The pair's signals (planned ones too) in [from, to], latest first, at most {@code limit}. */
    public List<SignalLine> signals(String pair, LocalDate from, LocalDate to, int limit) {
        String[] codes = pair.split("-");
        if (codes.length != 2) {
            return List.of();
        }
        String sql = "SELECT s.type, s.actor, s.target, s.event_date, s.planned, s.evidence, s.article_id, r.title,"
                + " r.published, r.link, r.source FROM signal s JOIN article r ON r.id = s.article_id"
                + " WHERE ((s.actor = ? AND s.target = ?) OR (s.actor = ? AND s.target = ?))"
                + " AND s.event_date BETWEEN ? AND ? ORDER BY s.event_date DESC, r.published DESC, s.id";
        List<SignalLine> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, codes[0]);
            ps.setString(2, codes[1]);
            ps.setString(3, codes[1]);
            ps.setString(4, codes[0]);
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(to));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SignalLine(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getDate(9).toLocalDate(), rs.getString(10), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the signals of " + pair, e);
        }
        return out;
    }

    /** Acknowledgements of alerts with event dates in [from, to], latest first, at most {@code limit}. */
    public List<Acknowledged> acknowledgements(LocalDate from, LocalDate to, int limit) {
        List<Acknowledged> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.actors, a.id, a.title, a.severity, k.author, k.acknowledged_at, k.note, k.severity"
                        + " FROM acknowledgement k JOIN alert a ON a.id = k.alert_id"
                        + " WHERE a.event_date BETWEEN ? AND ? ORDER BY k.acknowledged_at DESC, a.id")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Acknowledged(pairOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            Severity.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getString(7), rs.getString(8).equals(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read acknowledgements", e);
        }
        return out;
    }

    /** The latest event date of an alert or a signal that has happened, if any. */
    public Optional<LocalDate> latestEventDate() {
        LocalDate best = null;
        for (String sql : List.of("SELECT MAX(event_date) FROM alert",
                // Walks the event-date index from the top to the first signal that is not a plan (no scan).
                "SELECT event_date FROM signal WHERE planned = FALSE ORDER BY event_date DESC"
                        + " FETCH FIRST 1 ROWS ONLY")) {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                Date d = rs.next() ? rs.getDate(1) : null;
                if (d != null && (best == null || d.toLocalDate().isAfter(best))) {
                    best = d.toLocalDate();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the latest event date", e);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Changes whenever the board would: an alert recorded or updated, an acknowledgement, an article processed.
     * Cheap (indexed maxima and counts), for pages that poll it.
     */
    public String stamp() {
        StringBuilder b = new StringBuilder();
        for (String sql : List.of("SELECT MAX(updated_at), COUNT(*) FROM alert",
                "SELECT MAX(acknowledged_at), COUNT(*) FROM acknowledgement",
                "SELECT MAX(processed_at), COUNT(*) FROM article")) {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                b.append(t == null ? 0 : t.getTime()).append('.').append(rs.getLong(2)).append('.');
            } catch (SQLException e) {
                throw new StoreException("cannot read the board's stamp", e);
            }
        }
        return b.substring(0, b.length() - 1);
    }

    /** The alert's journal: when it was raised and every update, oldest first. */
    public List<Update> updates(String alertId) {
        List<Update> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, node, recorded_at FROM alert_change WHERE alert_id = ? ORDER BY id")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Update(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the updates of alert " + alertId, e);
        }
        return out;
    }

    /** Every message that carried the alert or is to, oldest first. */
    public List<Delivery> deliveries(String alertId) {
        List<Delivery> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT m.recipient, m.status, m.created_at, m.sent_at, m.message_id, m.subject, o.severity,"
                        + " o.sources FROM outbox_alert o JOIN outbox_message m ON m.id = o.message_id"
                        + " WHERE o.alert_id = ? ORDER BY m.created_at, m.id")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(4);
                    int sources = rs.getInt(8);
                    out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            sent == null ? null : sent.toInstant(), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.wasNull() ? null : sources));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the deliveries of alert " + alertId, e);
        }
        return out;
    }

    /** The alert's sources, with how many reports each gave, most first. */
    public List<SourceCount> sources(String alertId) {
        List<SourceCount> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT source_key, COUNT(*) FROM alert_evidence WHERE alert_id = ? GROUP BY source_key"
                        + " ORDER BY COUNT(*) DESC, source_key")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceCount(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the sources of alert " + alertId, e);
        }
        return out;
    }

    /** "IRN,PAK" or "PAK,IRN" as "IRN-PAK"; one country stays itself. */
    static String pairOf(String actors) {
        String[] codes = actors.split(",");
        if (codes.length != 2) {
            return String.join("-", codes);
        }
        return codes[0].compareTo(codes[1]) <= 0 ? codes[0] + "-" + codes[1] : codes[1] + "-" + codes[0];
    }
}
