package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small named facts a daemon publishes about itself (pid, start time, rules loaded) for {@code status}. */
public final class NodeStateStore {
    private final Database db;

    public NodeStateStore(Database db) {
        this.db = db;
    }

    public void put(String name, String value) {
        db.inTransaction("cannot record node state " + name, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM node_state WHERE name = ?")) {
                del.setString(1, name);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO node_state (name, state_value, updated_at) VALUES (?, ?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, Text.clip(value, 4000));
                ins.setTimestamp(3, Timestamp.from(Instant.now()));
                ins.executeUpdate();
            }
            return null;
        });
    }

    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT name, state_value FROM node_state ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read node state", e);
        }
        return out;
    }
}
