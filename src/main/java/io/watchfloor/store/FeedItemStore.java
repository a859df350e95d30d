package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Feed items already processed: what makes replaying a feed, or restarting between polls, produce no duplicate
 * articles. An item is known by its key within its feed (GUID, else link, else content hash), and a link is known
 * across feeds (one URL is one article, whichever feed lists it).
 */
public final class FeedItemStore {
    private final Database db;

    public FeedItemStore(Database db) {
        this.db = db;
    }

    /** Whether the feed's item with this key was processed before, or (when link is not null) any feed's item with this link. */
    public boolean seen(String feed, String itemKey, String link) {
        String sql = link == null ? "SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ?"
                : "SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ? UNION ALL SELECT 1 FROM feed_item WHERE link = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            if (link != null) {
                ps.setString(3, link);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up item " + itemKey + " of feed " + feed, e);
        }
    }

    /** Records a processed item (a second record of the same key is ignored). */
    public void record(String feed, String itemKey, String link, String articleId, String sha256, Instant at) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO feed_item (feed, item_key, link, article_id,"
                     + " sha256, first_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            ps.setString(3, link);
            ps.setString(4, articleId);
            ps.setString(5, sha256);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return;   // recorded already (a retried item)
            }
            throw new StoreException("cannot record item " + itemKey + " of feed " + feed, e);
        }
    }

    public int count() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM feed_item");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count feed items", e);
        }
    }
}
