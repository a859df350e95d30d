package io.watchfloor.store;

import io.watchfloor.model.Sha256;
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
 *
 * <p>Before an item is processed it is {@link #claim claimed}: a row whose link key is unique across the store, so
 * that of two feeds polled at once that list the same link, exactly one processes it. The claim becomes
 * {@link #done done} after processing, or is {@link #release released} when processing failed (the next poll retries).
 */
public final class FeedItemStore {
    /** The outcome of a claim. */
    public enum Claim { CLAIMED, DUPLICATE }

    private final Database db;

    public FeedItemStore(Database db) {
        this.db = db;
    }

    /**
     * Whether the feed's item with this key was processed before, or (when link is not null) another item with this
     * link was claimed, by any feed. A claim of this very item left unprocessed (a crash) does not count: it is retried.
     */
    public boolean seen(String feed, String itemKey, String link) {
        String sql = link == null ? "SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ? AND processed = TRUE"
                : "SELECT 1 FROM feed_item WHERE feed = ? AND item_key = ? AND processed = TRUE UNION ALL"
                + " SELECT 1 FROM feed_item WHERE link = ? AND NOT (feed = ? AND item_key = ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            if (link != null) {
                ps.setString(3, link);
                ps.setString(4, feed);
                ps.setString(5, itemKey);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up item " + itemKey + " of feed " + feed, e);
        }
    }

    /**
     * Claims an item before it is processed. {@link Claim#DUPLICATE} when another item holds its link (the unique
     * key decides between concurrent polls) or the item is processed already.
     *
     * @param link     the item's link when it identifies the item, else null (no link, or one shared by several
     *                 items of its feed)
     * @param dateNote why the item is dated at the fetch time, or null when its date was read
     */
    public Claim claim(String feed, String itemKey, String link, String articleId, String sha256, String dateNote,
                       Instant at) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO feed_item (feed, item_key, link, link_key,"
                     + " article_id, sha256, first_seen, processed, date_note) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)")) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            ps.setString(3, link == null ? null : Text.clip(link, 2000));
            ps.setString(4, link == null ? null : linkKey(link));
            ps.setString(5, articleId);
            ps.setString(6, sha256);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, dateNote == null ? null : Text.clip(dateNote, 300));
            ps.executeUpdate();
            return Claim.CLAIMED;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new StoreException("cannot claim item " + itemKey + " of feed " + feed, e);
            }
        }
        // The key or the link is taken: by this very item left unprocessed (a crash: take it up again), or not.
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT processed FROM feed_item WHERE feed = ? AND item_key = ?")) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getBoolean(1) ? Claim.CLAIMED : Claim.DUPLICATE;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up item " + itemKey + " of feed " + feed, e);
        }
    }

    /** The claimed item went through the pipeline. */
    public void done(String feed, String itemKey) {
        update("UPDATE feed_item SET processed = TRUE WHERE feed = ? AND item_key = ?", feed, itemKey, "record");
    }

    /** The claimed item failed: the claim is withdrawn, so the next poll retries it. */
    public void release(String feed, String itemKey) {
        update("DELETE FROM feed_item WHERE feed = ? AND item_key = ? AND processed = FALSE", feed, itemKey,
                "release");
    }

    /** Records a processed item at once (a second record of the same key is ignored). */
    public void record(String feed, String itemKey, String link, String articleId, String sha256, Instant at) {
        if (claim(feed, itemKey, link, articleId, sha256, null, at) == Claim.CLAIMED) {
            done(feed, itemKey);
        }
    }

    /** Why the item is dated at its fetch time ('missing', 'unreadable: ...'), or null. */
    public String dateNote(String feed, String itemKey) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT date_note FROM feed_item WHERE feed = ? AND item_key = ?")) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up item " + itemKey + " of feed " + feed, e);
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

    /** The unique key of a link: its SHA-256 (links may be longer than an index entry may be). */
    private static String linkKey(String link) {
        return Sha256.hex(link);
    }

    private void update(String sql, String feed, String itemKey, String what) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, feed);
            ps.setString(2, itemKey);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " item " + itemKey + " of feed " + feed, e);
        }
    }
}
