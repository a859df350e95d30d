package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 store created without Flyway is the store Flyway would have made: the same tables, indexes and constraints,
 * the same schema history (but for when and how fast), and Flyway takes it as up to date.
 */
class H2SchemaShortcutTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreHasFlywaysSchemaAndHistory() throws SQLException {
        String byFlyway = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(byFlyway, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Database db = Database.inMemory("shortcut-" + UUID.randomUUID());
             Connection made = db.connection(); Connection reference = DriverManager.getConnection(byFlyway, "sa", "")) {
            assertThat(schema(made)).isEqualTo(schema(reference)).isNotEmpty();
            assertThat(history(made)).isEqualTo(history(reference)).hasSize(9);
        }
    }

    @Test
    void flywayFindsNothingToDoOnAStoreMadeWithoutIt() {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        Database.open(url, "sa", "").close();
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        flyway.validate();
        MigrateResult r = flyway.migrate();
        assertThat(r.migrationsExecuted).isZero();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aStoreBehindTheShippedMigrationsIsBroughtUpToDate() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("old");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("5").load().migrate();
        Database.open(url, "sa", "").close();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(history(c)).extracting(row -> row.get(1)).containsExactly("null", "1", "2", "3", "4", "4.1",
                    "5", "6", "8");
        }
        String fresh = "jdbc:h2:file:" + dir.resolve("fresh");
        Database.open(fresh, "sa", "").close();
        try (Connection old = DriverManager.getConnection(url, "sa", "");
             Connection made = DriverManager.getConnection(fresh, "sa", "")) {
            assertThat(schema(old)).isEqualTo(schema(made));
        }
    }

    @Test
    void reopeningAStoreKeepsItsHistory() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("again");
        Database.open(url, "sa", "").close();
        List<List<String>> first;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            first = history(c);
        }
        Database.open(url, "sa", "").close();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(history(c)).isEqualTo(first);
        }
    }

    /** The database's definition as H2 writes it out (tables, indexes, constraints, sequences), without data. */
    private static List<String> schema(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT NODATA")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!line.startsWith("-- ") && !line.startsWith("CREATE USER")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The schema history's rows but for when each migration ran and how long it took. */
    private static List<List<String>> history(Connection c) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"installed_rank\","
                + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"success\""
                + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
