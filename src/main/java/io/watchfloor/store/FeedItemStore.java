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
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ?")) {
                ps.setString(1, feed);
                ps.setString(2, itemKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            if (link == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM feed_item WHERE link = ?")) {
                ps.setString(1, link);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up item " + itemKey + " of feed " + feed, e);
        }
    }

    /** Records a processed item (a second record of the same key is ignored). */
    public void record(String feed, String itemKey, String link, String articleId, String sha256, Instant at) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO feed_item (feed, item_key, link, article_id,"
                     + " sha256, first_seen) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                     + " (SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ?)")) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            ps.setString(3, link);
            ps.setString(4, articleId);
            ps.setString(5, sha256);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, feed);
            ps.setString(8, itemKey);
            ps.executeUpdate();
        } catch (SQLException e) {
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
