package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When each source was last polled, and how that went: what {@code status} reports. */
public final class SourceStateStore {
    /** One source's health. */
    public record SourceState(String name, String kind, Instant lastPoll, Instant lastSuccess, String lastError,
                              int articlesSeen) { }

    private final Database db;

    public SourceStateStore(Database db) {
        this.db = db;
    }

    /** Records a poll; {@code error} is null on success. */
    public void recordPoll(String name, String kind, Instant at, String error, int newArticles) {
        db.inTransaction("cannot record poll of " + name, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE source_state SET kind = ?, last_poll = ?,"
                            + " last_success = CASE WHEN ? IS NULL THEN ? ELSE last_success END,"
                            + " last_error = ?, articles_seen = articles_seen + ? WHERE name = ?")) {
                ps.setString(1, kind);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, error);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, error == null ? null : Text.clip(error, 2000));
                ps.setInt(6, newArticles);
                ps.setString(7, name);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO source_state (name, kind, last_poll, last_success, last_error, articles_seen)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, kind);
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.setTimestamp(4, error == null ? Timestamp.from(at) : null);
                    ps.setString(5, error == null ? null : Text.clip(error, 2000));
                    ps.setInt(6, newArticles);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    public List<SourceState> all() {
        List<SourceState> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT name, kind, last_poll, last_success, last_error, articles_seen FROM source_state"
                             + " ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SourceState(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getInt(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read source states", e);
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
