package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a replay's alerts go when they no longer fit in its memory: each alert's state as bytes, by id, and which
 * alert each situation (rule, type, actors) has on an event date, in two tables of the replay's scratch store (made
 * on first use; the daemon's store never has them). Written in batches, read back only when asked for again.
 */
public final class AlertSpill {
    /** One alert of a situation on its event date (an epoch day); {@code actors} joined with commas. */
    public record Situation(String rule, String type, String actors, long day, String id) { }

    private final Database db;
    private boolean made;

    public AlertSpill(Database db) {
        this.db = db;
    }

    /** Writes (or rewrites) these alerts' states in one transaction. */
    public void write(Map<String, byte[]> states) {
        if (states.isEmpty()) {
            return;
        }
        db.inTransaction("cannot write " + states.size() + " alerts to the replay's spill", c -> {
            make(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO replay_alert_spill (id, state) KEY (id) VALUES (?, ?)")) {
                for (Map.Entry<String, byte[]> e : states.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setBytes(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The state last written for this alert; empty when it was never written. */
    public Optional<byte[]> read(String id) {
        return db.inTransaction("cannot read alert " + id + " from the replay's spill", c -> {
            make(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM replay_alert_spill WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** Writes these situations' alerts in one transaction. */
    public void writeSituations(List<Situation> situations) {
        if (situations.isEmpty()) {
            return;
        }
        db.inTransaction("cannot write " + situations.size() + " situations to the replay's spill", c -> {
            make(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO replay_situation_spill (rule, type, actors,"
                    + " event_day, id) VALUES (?, ?, ?, ?, ?)")) {
                for (Situation s : situations) {
                    ps.setString(1, s.rule());
                    ps.setString(2, s.type());
                    ps.setString(3, s.actors());
                    ps.setLong(4, s.day());
                    ps.setString(5, s.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A situation's alerts written here with event dates in [fromDay, toDay], by date. */
    public Map<Long, String> situationsBetween(String rule, String type, String actors, long fromDay, long toDay) {
        return db.inTransaction("cannot read situations from the replay's spill", c -> {
            make(c);
            Map<Long, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_day, id FROM replay_situation_spill"
                    + " WHERE rule = ? AND type = ? AND actors = ? AND event_day BETWEEN ? AND ?")) {
                ps.setString(1, rule);
                ps.setString(2, type);
                ps.setString(3, actors);
                ps.setLong(4, fromDay);
                ps.setLong(5, toDay);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.merge(rs.getLong(1), rs.getString(2), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                }
            }
            return out;
        });
    }

    private synchronized void make(Connection c) throws SQLException {
        if (!made) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS replay_alert_spill (id VARCHAR(40) PRIMARY KEY,"
                        + " state VARBINARY NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS replay_situation_spill (rule VARCHAR NOT NULL,"
                        + " type VARCHAR NOT NULL, actors VARCHAR NOT NULL, event_day BIGINT NOT NULL,"
                        + " id VARCHAR(40) NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS replay_situation_spill_key"
                        + " ON replay_situation_spill (rule, type, actors, event_day)");
            }
            made = true;
        }
    }
}
