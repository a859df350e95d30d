package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The journal of alert changes worth telling (new, or updated with more sources or a higher severity), written in the
 * transaction that records each change. It remembers what is not finished: a change whose email is not decided yet,
 * and a change its node has not yet written to its log and alerts.jsonl (a crash came first). A start finishes both.
 */
public final class AlertJournal {
    /** One change on record. */
    public record Entry(long id, String alertId, String kind) { }

    private final Database db;

    public AlertJournal(Database db) {
        this.db = db;
    }

    /**
     * Records a change, in the caller's transaction.
     *
     * @param queued whether its email is decided in that same transaction
     * @return the entry's id
     */
    public long record(String alertId, String kind, String node, boolean queued, Instant at) {
        return db.inTransaction("cannot journal a change of alert " + alertId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_change (alert_id, kind, node,"
                    + " recorded_at, queued, announced) VALUES (?, ?, ?, ?, ?, FALSE)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, alertId);
                ps.setString(2, kind);
                ps.setString(3, node);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setBoolean(5, queued);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Hands the changes whose email is not decided yet to {@code decide}, then marks them decided, in one
     * transaction: whatever {@code decide} queues commits with the mark. Changes another node is deciding at the same
     * moment are skipped (SELECT ... FOR UPDATE SKIP LOCKED).
     *
     * @return how many changes were decided
     */
    public int decideUnqueued(Consumer<List<Entry>> decide) {
        return db.inTransaction("cannot queue the email of alert changes", c -> {
            List<Entry> open = select(c, "SELECT id, alert_id, kind FROM alert_change WHERE queued = FALSE"
                    + " ORDER BY id FOR UPDATE SKIP LOCKED", null);
            if (open.isEmpty()) {
                return 0;
            }
            decide.accept(open);
            mark(c, "UPDATE alert_change SET queued = TRUE WHERE id = ?", open.stream().map(Entry::id).toList());
            return open.size();
        });
    }

    /** The changes {@code node} recorded and has not announced yet, oldest first. */
    public List<Entry> unannounced(String node) {
        try (Connection c = db.connection()) {
            return select(c, "SELECT id, alert_id, kind FROM alert_change WHERE node = ? AND announced = FALSE"
                    + " ORDER BY id", node);
        } catch (SQLException e) {
            throw new StoreException("cannot read the alert journal", e);
        }
    }

    /** Marks changes as written to their node's log and alerts.jsonl. */
    public void markAnnounced(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction("cannot mark alert changes announced", c -> {
            mark(c, "UPDATE alert_change SET announced = TRUE WHERE id = ?", ids);
            return null;
        });
    }

    private static List<Entry> select(Connection c, String sql, String node) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (node != null) {
                ps.setString(1, node);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static void mark(Connection c, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
