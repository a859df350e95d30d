package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ordered stage's long-lived connection: units commit on their own or in batches, and a failure loses no more. */
class StoreSessionTest {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.inMemory("session-" + UUID.randomUUID());
        db.inTransaction("create", c -> c.createStatement().execute("CREATE TABLE note (text VARCHAR(100))"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Another connection's view: what is committed. */
    private int committed() {
        return db.count("SELECT COUNT(*) FROM note", "count");
    }

    private Object write(String text) {
        return db.inTransaction("write", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note VALUES (?)")) {
                ps.setString(1, text);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void eachUnitCommitsWhenItReturnsWithOneUnitPerCommit() {
        try (StoreSession s = db.session(1)) {
            s.run("a", () -> write("a"));
            assertThat(committed()).isEqualTo(1);
            s.run("b", () -> write("b"));
            assertThat(committed()).isEqualTo(2);
        }
    }

    @Test
    void batchedUnitsCommitTogetherAndAtFlush() {
        try (StoreSession s = db.session(3)) {
            s.run("a", () -> write("a"));
            s.run("b", () -> write("b"));
            assertThat(committed()).isZero();
            s.run("c", () -> write("c"));
            assertThat(committed()).isEqualTo(3);
            s.run("d", () -> write("d"));
            assertThat(committed()).isEqualTo(3);
            s.flush();
            assertThat(committed()).isEqualTo(4);
        }
    }

    @Test
    void aStatementIsPreparedOnceForTheSessionsLife() {
        Set<Object> seen = new HashSet<>();
        try (StoreSession s = db.session(1)) {
            for (int i = 0; i < 5; i++) {
                String text = "n" + i;
                s.run("write", () -> db.inTransaction("unwrap", c -> {
                    PreparedStatement ps = c.prepareStatement("INSERT INTO note VALUES (?)");
                    seen.add(ps.unwrap(PreparedStatement.class));
                    ps.setString(1, text);
                    return ps.executeUpdate();
                }));
            }
        }
        assertThat(committed()).isEqualTo(5);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aFailedUnitRollsBackAloneWithOneUnitPerCommitAndTheNextOneWorks() {
        try (StoreSession s = db.session(1)) {
            s.run("a", () -> write("a"));
            assertThatThrownBy(() -> s.run("b", () -> {
                write("b");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            s.run("c", () -> write("c"));
        }
        String kept = db.inTransaction("read", c -> {
            var rs = c.createStatement().executeQuery("SELECT text FROM note ORDER BY text");
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1));
            }
            return out.toString();
        });
        assertThat(kept).isEqualTo("ac");
    }
}
