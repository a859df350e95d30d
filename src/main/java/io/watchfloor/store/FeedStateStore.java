package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Per-feed fetch state and health (validators, failures, backoff), kept across restarts. */
public final class FeedStateStore {
    /**
     * One feed's state.
     *
     * @param etag                validator from the last successful fetch, sent as If-None-Match
     * @param lastModified        validator from the last successful fetch, sent as If-Modified-Since
     * @param lastStatus          HTTP status of the last poll (0 when no response came)
     * @param consecutiveFailures failed polls since the last success
     * @param backoffUntil        no poll before this (after failures, or as asked by Retry-After); null when none
     * @param nextPoll            when the next poll is expected
     * @param polls               polls made in total
     * @param notModified         polls answered 304 Not Modified
     * @param itemsNew            new items processed in total
     * @param removedChars        characters XML forbids removed from the last document read
     * @param parseNotes          what else was noticed reading the last document (broke off, encodings, repeated
     *                            GUIDs, unreadable dates ...), or null
     */
    public record FeedState(String name, String url, String etag, String lastModified, Instant lastPoll,
                            int lastStatus, Instant lastSuccess, String lastError, Instant lastErrorAt,
                            int consecutiveFailures, Instant backoffUntil, Instant nextPoll, long polls,
                            long notModified, long itemsNew, int removedChars, String parseNotes) {
        public FeedState {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }

        /** A state with nothing noticed in the last document. */
        public FeedState(String name, String url, String etag, String lastModified, Instant lastPoll,
                         int lastStatus, Instant lastSuccess, String lastError, Instant lastErrorAt,
                         int consecutiveFailures, Instant backoffUntil, Instant nextPoll, long polls,
                         long notModified, long itemsNew) {
            this(name, url, etag, lastModified, lastPoll, lastStatus, lastSuccess, lastError, lastErrorAt,
                    consecutiveFailures, backoffUntil, nextPoll, polls, notModified, itemsNew, 0, null);
        }

        /** The same state with the last document's reading noted. */
        public FeedState withDocument(int removed, String notes) {
            return new FeedState(name, url, etag, lastModified, lastPoll, lastStatus, lastSuccess, lastError,
                    lastErrorAt, consecutiveFailures, backoffUntil, nextPoll, polls, notModified, itemsNew, removed,
                    notes);
        }

        /** A feed never polled. */
        public static FeedState fresh(String name, String url) {
            return new FeedState(name, url, null, null, null, 0, null, null, null, 0, null, null, 0, 0, 0);
        }

        /** Healthy: polled and its last poll succeeded. */
        public boolean ok() {
            return consecutiveFailures == 0 && lastSuccess != null;
        }
    }

    private static final String COLUMNS = "name, url, etag, last_modified, last_poll, last_status, last_success,"
            + " last_error, last_error_at, consecutive_failures, backoff_until, next_poll, polls, not_modified,"
            + " items_new, removed_chars, parse_notes";

    private final Database db;

    public FeedStateStore(Database db) {
        this.db = db;
    }

    public Optional<FeedState> get(String name) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read state of feed " + name, e);
        }
    }

    /** Inserts or replaces a feed's state. */
    public void put(FeedState s) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = c.prepareStatement("UPDATE feed_state SET url = ?, etag = ?,"
                        + " last_modified = ?, last_poll = ?, last_status = ?, last_success = ?, last_error = ?,"
                        + " last_error_at = ?, consecutive_failures = ?, backoff_until = ?, next_poll = ?, polls = ?,"
                        + " not_modified = ?, items_new = ?, removed_chars = ?, parse_notes = ? WHERE name = ?")) {
                    bind(ps, s, 1);
                    ps.setString(17, s.name());
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_state (url, etag,"
                            + " last_modified, last_poll, last_status, last_success, last_error, last_error_at,"
                            + " consecutive_failures, backoff_until, next_poll, polls, not_modified, items_new,"
                            + " removed_chars, parse_notes, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?)")) {
                        bind(ps, s, 1);
                        ps.setString(17, s.name());
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save state of feed " + s.name(), e);
        }
    }

    /** Every feed's state, by name. */
    public List<FeedState> all() {
        List<FeedState> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_state ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read feed states", e);
        }
        return out;
    }

    private static void bind(PreparedStatement ps, FeedState s, int i) throws SQLException {
        ps.setString(i, Text.clip(s.url(), 2000));
        ps.setString(i + 1, s.etag() == null ? null : Text.clip(s.etag(), 1000));
        ps.setString(i + 2, s.lastModified() == null ? null : Text.clip(s.lastModified(), 200));
        ts(ps, i + 3, s.lastPoll());
        ps.setInt(i + 4, s.lastStatus());
        ts(ps, i + 5, s.lastSuccess());
        ps.setString(i + 6, s.lastError() == null ? null : Text.clip(s.lastError(), 2000));
        ts(ps, i + 7, s.lastErrorAt());
        ps.setInt(i + 8, s.consecutiveFailures());
        ts(ps, i + 9, s.backoffUntil());
        ts(ps, i + 10, s.nextPoll());
        ps.setLong(i + 11, s.polls());
        ps.setLong(i + 12, s.notModified());
        ps.setLong(i + 13, s.itemsNew());
        ps.setInt(i + 14, s.removedChars());
        ps.setString(i + 15, s.parseNotes() == null ? null : Text.clip(s.parseNotes(), 2000));
    }

    private static void ts(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }

    private static FeedState read(ResultSet rs) throws SQLException {
        return new FeedState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                instant(rs.getTimestamp(5)), rs.getInt(6), instant(rs.getTimestamp(7)), rs.getString(8),
                instant(rs.getTimestamp(9)), rs.getInt(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getInt(16),
                rs.getString(17));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
