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
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The email outbox: messages waiting to be sent (each for one recipient), the alerts they carry, and what each
 * recipient was told about each alert. A message is open (PENDING) until it is first claimed for sending; then it is
 * FROZEN: its alerts and its content no longer change, and alerts that come later go into the next message. Its
 * Message-ID is given when it is created and never changes, so a repeat (a crash between the SMTP server's
 * acceptance and the record of it) is the same message to any mail client.
 */
public final class OutboxStore {
    public static final String ALERTS = "ALERTS";
    public static final String DIGEST = "DIGEST";
    /** A notice for the admins, rendered when queued. */
    public static final String ADMIN = "ADMIN";

    /** What a recipient was last told about an alert: sent, or frozen in a message on its way (then {@code at} now). */
    public record Told(String severity, int sources, Instant at) { }

    /** A message as created, before its content is fixed. */
    public record Message(long id, String kind, String recipient, String groupKey, String messageId) { }

    /** What a frozen message tells of one alert. */
    public record Carried(String alertId, String severity, int sources) { }

    /** A message's content, fixed the first time it is claimed: the RFC 5322 bytes, its subject, its alerts. */
    public record Frozen(byte[] content, String subject, List<Carried> carried) { }

    /** A message claimed for sending, with its frozen content. */
    public record Claimed(Message message, Frozen frozen) { }

    /** Renders a message the first time it is claimed, from the alerts it holds then (empty: nothing left to say). */
    public interface Freezer {
        Optional<Frozen> freeze(Message message, List<String> alertIds);
    }

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    /**
     * Queues an alert for a recipient: into the open message of its group (the pair), or a new one due at
     * {@code dueAt}. Nothing is queued when an open message already carries the alert (it carries it as it is when
     * claimed) or when {@code worth} judges what the recipient was last told enough. Runs in the caller's
     * transaction (the one that records the alert change); the group's open messages are locked first, so one being
     * claimed at the same moment is either frozen before the alert joins it, and the alert starts the next message,
     * or frozen after, with the alert.
     *
     * @return whether the alert was queued
     */
    public boolean queueAlert(String recipient, String groupKey, String alertId, Instant now, Instant dueAt,
                              Predicate<Optional<Told>> worth) {
        return db.inTransaction("cannot queue alert " + alertId + " for " + recipient, c -> {
            List<Long> open = lockOpen(c, recipient, groupKey);
            if (awaits(c, alertId, recipient) || !worth.test(told(c, alertId, recipient, now))) {
                return false;
            }
            long id = open.isEmpty() ? insertMessage(c, ALERTS, recipient, groupKey, now, dueAt) : open.get(0);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox_alert (message_id, alert_id) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, alertId);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The group's open messages, locked until the transaction ends, oldest first. */
    private static List<Long> lockOpen(Connection c, String recipient, String groupKey) throws SQLException {
        List<Long> locked = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox_message WHERE recipient = ?"
                + " AND group_key = ? AND kind = ? AND status = 'PENDING' ORDER BY id FOR UPDATE")) {
            ps.setString(1, recipient);
            ps.setString(2, groupKey);
            ps.setString(3, ALERTS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getLong(1));
                }
            }
        }
        // Read again now that the locks are held: a claim that committed while this waited has frozen the message,
        // whichever way the database re-checks a locked row against the query.
        List<Long> open = new ArrayList<>();
        for (long id : locked) {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals("PENDING")) {
                        open.add(id);
                    }
                }
            }
        }
        return open;
    }

    /**
     * Whether a message will carry the alert as it is when that message is rendered: an open one (still open now
     * that its lock is held), or one frozen before this version, which has no content yet.
     */
    private static boolean awaits(Connection c, String alertId, String recipient) throws SQLException {
        return firstRow(c, "SELECT 1 FROM outbox_alert a JOIN outbox_message m ON m.id = a.message_id"
                + " WHERE a.alert_id = ? AND m.recipient = ? AND (m.status = 'PENDING'"
                + " OR m.status = 'FROZEN' AND m.content IS NULL)", alertId, recipient, rs -> true).isPresent();
    }

    /** What the recipient was last told about the alert: a frozen message on its way counts as told now. */
    private static Optional<Told> told(Connection c, String alertId, String recipient, Instant now)
            throws SQLException {
        Optional<Told> onItsWay = firstRow(c, "SELECT a.severity, a.sources FROM outbox_alert a"
                + " JOIN outbox_message m ON m.id = a.message_id WHERE a.alert_id = ? AND m.recipient = ?"
                + " AND m.status = 'FROZEN' AND a.severity IS NOT NULL ORDER BY m.id DESC", alertId, recipient,
                rs -> new Told(rs.getString(1), rs.getInt(2), now));
        return onItsWay.isPresent() ? onItsWay : delivery(c, alertId, recipient);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row {@code sql} finds for an alert and a recipient (its two parameters), read by {@code row}. */
    private static <T> Optional<T> firstRow(Connection c, String sql, String alertId, String recipient, Row<T> row)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, alertId);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        }
    }

    /** Queues a digest unless one for the same recipient and period exists. */
    public boolean enqueueDigest(String recipient, String period, Instant now) {
        return db.inTransaction("cannot queue digest for " + recipient, c -> {
            if (exists(c, DIGEST, recipient, period)) {
                return false;
            }
            insertMessage(c, DIGEST, recipient, period, now, now);
            return true;
        });
    }

    private static long insertMessage(Connection c, String kind, String recipient, String groupKey, Instant now,
                                      Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (kind, recipient, group_key,"
                + " status, due_at, next_attempt_at, attempts, created_at, message_id)"
                + " VALUES (?, ?, ?, 'PENDING', ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind);
            ps.setString(2, recipient);
            ps.setString(3, groupKey);
            ps.setTimestamp(4, Timestamp.from(dueAt));
            ps.setTimestamp(5, Timestamp.from(dueAt));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, newMessageId(kind, groupKey));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * A Message-ID for a new message (also made before a notice's content is rendered): its kind and group for people
     * reading headers, and a random part.
     */
    public static String newMessageId(String kind, String groupKey) {
        String group = groupKey.replaceAll("[^A-Za-z0-9-]", "-");
        return "<" + kind.toLowerCase(java.util.Locale.ROOT).replaceFirst("s$", "") + "." + group + "." + UUID.randomUUID()
                + "@watchfloor>";
    }

    /** Whether a message of this kind, recipient and group exists, whatever its state: queued once means once. */
    private static boolean exists(Connection c, String kind, String recipient, String groupKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox_message WHERE recipient = ? AND group_key = ? AND kind = ?")) {
            ps.setString(1, recipient);
            ps.setString(2, groupKey);
            ps.setString(3, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Claims the oldest message due by {@code when} for {@code node} until {@code leaseUntil}, skipping rows another
     * transaction holds (SELECT ... FOR UPDATE SKIP LOCKED: with several nodes each message goes to one of them; if
     * the node dies, another takes the message over when the lease ends, or the node itself when it restarts). The
     * first claim freezes the message: {@code freezer} renders it from the alerts it holds, in the same transaction.
     */
    public Optional<Claimed> claimNext(String node, Instant when, Instant leaseUntil, Freezer freezer) {
        return Optional.ofNullable(db.inTransaction("cannot claim an outbox message", c -> {
            while (true) {
                Message m;
                byte[] content;
                String subject;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, recipient, group_key, message_id,"
                        + " content, subject FROM outbox_message WHERE status IN ('PENDING', 'FROZEN')"
                        + " AND next_attempt_at <= ? ORDER BY id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                    ps.setTimestamp(1, Timestamp.from(when));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        m = new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5));
                        content = rs.getBytes(6);
                        subject = rs.getString(7);
                    }
                }
                Frozen frozen;
                if (content != null) {
                    frozen = new Frozen(content, subject, carried(c, m.id()));
                } else {
                    Optional<Frozen> f = freezer.freeze(m, alertIds(c, m.id()));
                    if (f.isEmpty()) {
                        close(c, m.id(), "(nothing left to send)", Instant.now());
                        continue; // its alerts were deleted: the next one
                    }
                    frozen = f.get();
                    fix(c, m.id(), frozen);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'FROZEN',"
                        + " claimed_by = ?, next_attempt_at = ? WHERE id = ?")) {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(leaseUntil));
                    ps.setLong(3, m.id());
                    ps.executeUpdate();
                }
                return new Claimed(m, frozen);
            }
        }));
    }

    private static List<String> alertIds(Connection c, long messageId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT alert_id FROM outbox_alert WHERE message_id = ? ORDER BY alert_id")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<Carried> carried(Connection c, long messageId) throws SQLException {
        List<Carried> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, severity, sources FROM outbox_alert"
                + " WHERE message_id = ? AND severity IS NOT NULL ORDER BY alert_id")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Carried(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /** Writes a message's content and what it tells of each alert. */
    private static void fix(Connection c, long messageId, Frozen f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_message SET content = ?, subject = ? WHERE id = ?")) {
            ps.setBytes(1, f.content());
            ps.setString(2, Text.clip(f.subject(), 1000));
            ps.setLong(3, messageId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_alert SET severity = ?, sources = ? WHERE message_id = ? AND alert_id = ?")) {
            for (Carried a : f.carried()) {
                ps.setString(1, a.severity());
                ps.setInt(2, a.sources());
                ps.setLong(3, messageId);
                ps.setString(4, a.alertId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The first thing done once the SMTP server accepted a message: it is never sent again, and its recipient is
     * recorded as told what it carried. One transaction.
     */
    public void markSent(Claimed m, Instant at) {
        db.inTransaction("cannot mark message " + m.message().id() + " sent", c -> {
            close(c, m.message().id(), m.frozen().subject(), at);
            for (Carried a : m.frozen().carried()) {
                recordDelivery(c, a, m.message().recipient(), at);
            }
            return null;
        });
    }

    private static void close(Connection c, long id, String subject, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'SENT', sent_at = ?,"
                + " subject = ?, claimed_by = NULL, last_error = NULL WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, Text.clip(subject, 1000));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static void recordDelivery(Connection c, Carried a, String recipient, Instant at) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM alert_delivery WHERE alert_id = ? AND recipient = ?")) {
            del.setString(1, a.alertId());
            del.setString(2, recipient);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO alert_delivery (alert_id, recipient,"
                + " severity, sources, sent_at) VALUES (?, ?, ?, ?, ?)")) {
            ins.setString(1, a.alertId());
            ins.setString(2, recipient);
            ins.setString(3, a.severity());
            ins.setInt(4, a.sources());
            ins.setTimestamp(5, Timestamp.from(at));
            ins.executeUpdate();
        }
    }

    /**
     * Records a failed attempt and when to try again ({@code nextAttempt} of the number of attempts so far); the
     * message is released and keeps its content.
     *
     * @return the number of attempts so far
     */
    public int markFailed(long id, String error, IntFunction<Instant> nextAttempt) {
        return db.inTransaction("cannot record failure of message " + id, c -> {
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM outbox_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    attempts = rs.next() ? rs.getInt(1) + 1 : 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET attempts = ?,"
                    + " last_error = ?, next_attempt_at = ?, claimed_by = NULL WHERE id = ?")) {
                ps.setInt(1, attempts);
                ps.setString(2, Text.clip(error, 2000));
                ps.setTimestamp(3, Timestamp.from(nextAttempt.apply(attempts)));
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return attempts;
        });
    }

    /**
     * Releases the messages {@code node} had claimed and not finished (it died sending them): due again at
     * {@code now}, for any node, rather than when their lease ends. Claims of other nodes are left alone.
     *
     * @return how many were released
     */
    public int releaseClaims(String node, Instant now) {
        return db.inTransaction("cannot release the claims of " + node, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET claimed_by = NULL,"
                    + " next_attempt_at = ? WHERE claimed_by = ? AND status <> 'SENT'")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, node);
                return ps.executeUpdate();
            }
        });
    }

    /** What the recipient was last sent about the alert. */
    public Optional<Told> lastDelivery(String alertId, String recipient) {
        try (Connection c = db.connection()) {
            return delivery(c, alertId, recipient);
        } catch (SQLException e) {
            throw new StoreException("cannot read deliveries of " + alertId, e);
        }
    }

    private static Optional<Told> delivery(Connection c, String alertId, String recipient) throws SQLException {
        return firstRow(c, "SELECT severity, sources, sent_at FROM alert_delivery WHERE alert_id = ? AND recipient = ?",
                alertId, recipient, rs -> new Told(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()));
    }

    /**
     * The Message-ID of the first message sent to the recipient about the alert: updates reply to it, so mail clients
     * show them as one thread.
     */
    public Optional<String> firstMessageId(String alertId, String recipient) {
        try (Connection c = db.connection()) {
            return firstRow(c, "SELECT m.message_id FROM outbox_alert a JOIN outbox_message m ON m.id = a.message_id"
                    + " WHERE a.alert_id = ? AND m.recipient = ? AND m.status = 'SENT' ORDER BY m.id", alertId,
                    recipient, rs -> rs.getString(1));
        } catch (SQLException e) {
            throw new StoreException("cannot read the first message about " + alertId, e);
        }
    }

    /**
     * Queues a message rendered already (a notice for the admins), due now, unless a message of the same kind,
     * recipient and key exists: the same notice is sent once.
     *
     * @return whether it was queued
     */
    public boolean enqueueRendered(String kind, String recipient, String key, String messageId, byte[] content,
                                   String subject, Instant now) {
        return db.inTransaction("cannot queue a message for " + recipient, c -> {
            if (exists(c, kind, recipient, key)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (kind, recipient, group_key,"
                    + " status, due_at, next_attempt_at, attempts, created_at, message_id, content, subject)"
                    + " VALUES (?, ?, ?, 'PENDING', ?, ?, 0, ?, ?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, recipient);
                ps.setString(3, key);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setString(7, messageId);
                ps.setBytes(8, content);
                ps.setString(9, Text.clip(subject, 1000));
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Messages not yet accepted by an SMTP server (open or frozen). */
    public int countPending() {
        return db.count("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'", "cannot count the outbox");
    }

    /** Messages sent, for tests and status. */
    public int countSent() {
        return db.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'", "cannot count the outbox");
    }
}
