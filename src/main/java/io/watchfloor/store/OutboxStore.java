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
import java.util.Optional;

/**
 * The email outbox: messages waiting to be sent (each for one recipient), the alerts they carry, and what each
 * recipient was last told about each alert.
 */
public final class OutboxStore {
    public static final String ALERTS = "ALERTS";
    public static final String DIGEST = "DIGEST";

    /** A message due for delivery. */
    public record Pending(long id, String kind, String recipient, String groupKey, int attempts, Instant createdAt) { }

    /** What a recipient was last sent about an alert. */
    public record Delivery(String severity, int sources, Instant sentAt) { }

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    /**
     * Puts an alert in the recipient's pending message for its group (the pair), or starts one due at
     * {@code dueAt}: alerts of a pair that arrive within the group wait go out together.
     */
    public void enqueueAlert(String recipient, String groupKey, String alertId, Instant now, Instant dueAt) {
        db.inTransaction("cannot queue alert " + alertId + " for " + recipient, c -> {
            Long id = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox_message WHERE recipient = ?"
                    + " AND group_key = ? AND kind = ? AND status = 'PENDING' AND attempts = 0 ORDER BY id")) {
                ps.setString(1, recipient);
                ps.setString(2, groupKey);
                ps.setString(3, ALERTS);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                id = insertMessage(c, ALERTS, recipient, groupKey, now, dueAt);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM outbox_alert WHERE message_id = ? AND alert_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox_alert (message_id, alert_id) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, alertId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Queues a digest unless one for the same recipient and period exists. */
    public boolean enqueueDigest(String recipient, String period, Instant now) {
        return db.inTransaction("cannot queue digest for " + recipient, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM outbox_message WHERE recipient = ? AND group_key = ? AND kind = ?")) {
                ps.setString(1, recipient);
                ps.setString(2, period);
                ps.setString(3, DIGEST);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            insertMessage(c, DIGEST, recipient, period, now, now);
            return true;
        });
    }

    private static long insertMessage(Connection c, String kind, String recipient, String groupKey, Instant now,
                                      Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (kind, recipient, group_key,"
                + " status, due_at, next_attempt_at, attempts, created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind);
            ps.setString(2, recipient);
            ps.setString(3, groupKey);
            ps.setTimestamp(4, Timestamp.from(dueAt));
            ps.setTimestamp(5, Timestamp.from(dueAt));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Claims messages whose group wait and retry delay have passed by {@code when}, oldest first, for
     * {@code lease}: rows another node holds are skipped (SELECT ... FOR UPDATE SKIP LOCKED), and a claimed row is
     * not due again until the lease ends, so each message is sent by one node; if that node dies mid-send, another
     * takes the message over after the lease.
     */
    public List<Pending> claimDue(Instant when, int limit, Instant leaseUntil) {
        return db.inTransaction("cannot claim outbox messages", c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, kind, recipient, group_key, attempts, created_at FROM outbox_message"
                            + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id"
                            + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                ps.setTimestamp(1, Timestamp.from(when));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_message SET next_attempt_at = ? WHERE id = ?")) {
                for (Pending p : out) {
                    ps.setTimestamp(1, Timestamp.from(leaseUntil));
                    ps.setLong(2, p.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return out;
        });
    }

    public List<String> alertIds(long messageId) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT alert_id FROM outbox_alert WHERE message_id = ? ORDER BY alert_id")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read outbox message " + messageId, e);
        }
        return out;
    }

    /** The first thing done once the SMTP server accepted a message: it must never be sent again. */
    public void markSent(long id, String messageIdHeader, String subject, Instant at) {
        update("UPDATE outbox_message SET status = 'SENT', sent_at = ?, message_id = ?, subject = ?, last_error = NULL"
                + " WHERE id = ?", "cannot mark message " + id + " sent", ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, messageIdHeader);
                    ps.setString(3, Text.clip(subject, 1000));
                    ps.setLong(4, id);
                });
    }

    /** Records a failed attempt and when to try again. */
    public void markFailed(long id, int attempts, String error, Instant nextAttempt) {
        update("UPDATE outbox_message SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                "cannot record failure of message " + id, ps -> {
                    ps.setInt(1, attempts);
                    ps.setString(2, Text.clip(error, 2000));
                    ps.setTimestamp(3, Timestamp.from(nextAttempt));
                    ps.setLong(4, id);
                });
    }

    public void recordDelivery(String alertId, String recipient, String severity, int sources, Instant at) {
        db.inTransaction("cannot record delivery of " + alertId, c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM alert_delivery WHERE alert_id = ? AND recipient = ?")) {
                del.setString(1, alertId);
                del.setString(2, recipient);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO alert_delivery (alert_id, recipient,"
                    + " severity, sources, sent_at) VALUES (?, ?, ?, ?, ?)")) {
                ins.setString(1, alertId);
                ins.setString(2, recipient);
                ins.setString(3, severity);
                ins.setInt(4, sources);
                ins.setTimestamp(5, Timestamp.from(at));
                ins.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Delivery> lastDelivery(String alertId, String recipient) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT severity, sources, sent_at FROM alert_delivery WHERE alert_id = ? AND recipient = ?")) {
            ps.setString(1, alertId);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Delivery(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read deliveries of " + alertId, e);
        }
    }

    /** Whether the alert waits in an unsent message for this recipient. */
    public boolean pendingFor(String alertId, String recipient) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox_alert a JOIN outbox_message m ON m.id = a.message_id WHERE a.alert_id = ?"
                        + " AND m.recipient = ? AND m.status = 'PENDING'")) {
            ps.setString(1, alertId);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox", e);
        }
    }

    public int countPending() {
        return db.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING'", "cannot count the outbox");
    }

    /** Messages sent, for tests and status. */
    public int countSent() {
        return db.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'", "cannot count the outbox");
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, String what, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }
}
