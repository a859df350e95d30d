package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The two common cases of an H2 store's migration, done without Flyway: an empty database gets every shipped migration
 * and the schema history Flyway would have written (same table, same rows: Flyway accepts it later, and applies a
 * newer migration on top), and a database whose history already lists exactly the shipped migrations is left alone.
 * Anything else (pending or failed migrations, a non-empty database without history) is Flyway's. Flyway takes a
 * second or two of CPU to start (some 2,500 classes, with a JSON library of its own), the largest part of a cold
 * start's store step.
 */
final class H2SchemaShortcut {
    static final String HISTORY = "flyway_schema_history";

    private H2SchemaShortcut() { }

    /** Whether the schema is now current; false: nothing was done, Flyway must migrate. */
    static boolean migrate(DataSource pool, String folder) throws SQLException {
        Optional<List<MigrationScript>> listed = MigrationScript.list(folder);
        if (listed.isEmpty() || listed.get().isEmpty() || !distinctVersions(listed.get())) {
            return false;
        }
        List<MigrationScript> scripts = listed.get();
        try (Connection c = pool.getConnection()) {
            if (tables(c) == 0) {
                create(c, scripts);
                return true;
            }
            return current(c, scripts);
        }
    }

    private static boolean distinctVersions(List<MigrationScript> scripts) {
        return scripts.stream().map(MigrationScript::version).distinct().count() == scripts.size();
    }

    private static int tables(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Flyway's history table on H2, with the row Flyway writes when it creates it. */
    private static void createHistory(Statement st) throws SQLException {
        st.execute("CREATE TABLE \"" + HISTORY + "\" (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50),"
                + " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL,"
                + " \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
                + " \"installed_on\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, \"execution_time\" INT NOT NULL,"
                + " \"success\" BOOLEAN NOT NULL, CONSTRAINT \"" + HISTORY + "_pk\" PRIMARY KEY (\"installed_rank\"))");
        st.execute("CREATE INDEX \"" + HISTORY + "_s_idx\" ON \"" + HISTORY + "\" (\"success\")");
        st.execute("INSERT INTO \"" + HISTORY + "\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (-1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, USER(), 0, TRUE)");
    }

    private static void create(Connection c, List<MigrationScript> scripts) throws SQLException {
        try (Statement st = c.createStatement()) {
            createHistory(st);
        }
        try (Statement st = c.createStatement();
             PreparedStatement record = c.prepareStatement("INSERT INTO \"" + HISTORY + "\" (\"installed_rank\","
                     + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                     + " \"execution_time\", \"success\") VALUES (?, ?, ?, 'SQL', ?, ?, USER(), ?, TRUE)")) {
            int rank = 0;
            for (MigrationScript s : scripts) {
                long start = System.nanoTime();
                st.execute("RUNSCRIPT FROM 'classpath:/" + s.resource() + "' CHARSET 'UTF-8'");
                record.setInt(1, ++rank);
                record.setString(2, s.version());
                record.setString(3, s.description());
                record.setString(4, s.script());
                record.setInt(5, s.checksum());
                record.setInt(6, (int) ((System.nanoTime() - start) / 1_000_000));
                record.executeUpdate();
            }
        }
    }

    /** Whether the history lists the shipped migrations exactly, each applied successfully, and nothing else. */
    private static boolean current(Connection c, List<MigrationScript> scripts) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet t = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = '" + HISTORY + "'")) {
            t.next();
            if (t.getInt(1) == 0) {
                return false;
            }
        }
        List<String> applied = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"installed_rank\", \"version\", \"type\", \"script\","
                     + " \"checksum\", \"success\" FROM \"" + HISTORY + "\" ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                if (rs.getInt(1) == -1 && rs.getString(3).equals("TABLE")) {
                    continue;
                }
                if (!rs.getString(3).equals("SQL") || !rs.getBoolean(6) || rs.getObject(5) == null) {
                    return false;
                }
                applied.add(rs.getString(2) + " " + rs.getString(4) + " " + rs.getInt(5));
            }
        }
        List<String> shipped = new ArrayList<>();
        for (MigrationScript s : scripts) {
            shipped.add(s.version() + " " + s.script() + " " + s.checksum());
        }
        return applied.size() == shipped.size() && new HashSet<>(applied).equals(new HashSet<>(shipped));
    }
}
