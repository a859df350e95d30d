package io.watchfloor.store;

import io.watchfloor.model.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Acknowledgements: an officer has seen an alert (who, when, a note). Each holds the severity it acknowledged, so an
 * alert whose severity rises afterwards is unacknowledged again; acknowledging again replaces the earlier one.
 */
public final class AcknowledgementStore {
    private final Database db;

    public AcknowledgementStore(Database db) {
        this.db = db;
    }

    /** An acknowledgement of an alert at {@code severity}. */
    public record Acknowledgement(String alertId, String author, Instant at, String note, Severity severity) {
        /** Whether it still holds for an alert now at {@code current} (severity only rises). */
        public boolean covers(Severity current) {
            return severity.compareTo(current) >= 0;
        }

        /** One line for a message: "acknowledged by duty at 2024-01-29 10:00 UTC: called the desk". */
        public String line(Severity current, ZoneId zone) {
            return "acknowledged" + (covers(current) ? "" : " at " + severity + ", before its severity rose,")
                    + " by " + author + " at " + WHEN.format(at.atZone(zone)) + (note == null ? "" : ": " + note);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    /** The line of {@link Acknowledgement#line} for an alert now at {@code current}, if it was acknowledged. */
    public Optional<String> line(String alertId, Severity current, ZoneId zone) {
        return find(alertId).map(a -> a.line(current, zone));
    }

    /**
     * Records that {@code author} acknowledges the alert at its current severity.
     *
     * @return empty when there is no such alert
     */
    public Optional<Acknowledgement> acknowledge(String alertId, String author, String note, Instant at) {
        return db.inTransaction("cannot acknowledge alert " + alertId, c -> {
            String severity;
            try (PreparedStatement ps = c.prepareStatement("SELECT severity FROM alert WHERE id = ? FOR UPDATE")) {
                ps.setString(1, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Acknowledgement>empty();
                    }
                    severity = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM acknowledgement WHERE alert_id = ?")) {
                ps.setString(1, alertId);
                ps.executeUpdate();
            }
            String clipped = note == null || note.isBlank() ? null : Text.clip(note.strip(), 2000);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (alert_id, author,"
                    + " acknowledged_at, note, severity) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, alertId);
                ps.setString(2, Text.clip(author, 200));
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, clipped);
                ps.setString(5, severity);
                ps.executeUpdate();
            }
            return Optional.of(new Acknowledgement(alertId, Text.clip(author, 200), at, clipped,
                    Severity.valueOf(severity)));
        });
    }

    /** The alert's acknowledgement, whether or not it still covers the alert's severity. */
    public Optional<Acknowledgement> find(String alertId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT author, acknowledged_at, note, severity FROM acknowledgement WHERE alert_id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Acknowledgement(alertId, rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), Severity.valueOf(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the acknowledgement of alert " + alertId, e);
        }
    }

    /** Whether the alert is acknowledged at {@code severity} or higher. */
    public boolean acknowledged(String alertId, Severity severity) {
        return find(alertId).map(a -> a.covers(severity)).orElse(false);
    }

    public int count() {
        return db.count("SELECT COUNT(*) FROM acknowledgement", "cannot count acknowledgements");
    }
}
