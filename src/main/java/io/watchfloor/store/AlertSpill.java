package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Where a replay's alerts go when they no longer fit in its memory: each alert's state as bytes, by id, in a table of
 * the replay's scratch store (made on first use; the daemon's store never has it). Written in batches, read back one
 * alert at a time, only when that alert is asked for again.
 */
public final class AlertSpill {
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

    private synchronized void make(Connection c) throws SQLException {
        if (!made) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS replay_alert_spill (id VARCHAR(40) PRIMARY KEY,"
                        + " state VARBINARY NOT NULL)");
            }
            made = true;
        }
    }
}
