package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles the rules could not finish: what admins see, and what the next rule change retries. */
public final class SetAsideStore {
    /** One article set aside, with the rule at fault (FILE:LINE: rule "NAME", or null) and why. */
    public record SetAside(String articleId, String title, String rule, String reason, Instant at) { }

    private final Database db;

    public SetAsideStore(Database db) {
        this.db = db;
    }

    /** Records (or records again) an article as set aside; the article must be on record. */
    public void put(String articleId, String rule, String reason, Instant at) {
        db.inTransaction("cannot record article " + articleId + " as set aside", c -> {
            remove(c, articleId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO set_aside (article_id, rule, reason, set_aside_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, articleId);
                ps.setString(2, rule == null ? null : Text.clip(rule, 1000));
                ps.setString(3, Text.clip(reason, 2000));
                ps.setTimestamp(4, Timestamp.from(at));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void remove(String articleId) {
        db.inTransaction("cannot clear set-aside article " + articleId, c -> {
            remove(c, articleId);
            return null;
        });
    }

    private static void remove(Connection c, String articleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM set_aside WHERE article_id = ?")) {
            ps.setString(1, articleId);
            ps.executeUpdate();
        }
    }

    /** Every article set aside, oldest first. */
    public List<SetAside> all() {
        List<SetAside> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT s.article_id, a.title, s.rule, s.reason,"
                     + " s.set_aside_at FROM set_aside s JOIN article a ON a.id = s.article_id"
                     + " ORDER BY s.set_aside_at, s.article_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SetAside(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read set-aside articles", e);
        }
        return out;
    }

    public int count() {
        return db.count("SELECT COUNT(*) FROM set_aside", "cannot count set-aside articles");
    }
}
