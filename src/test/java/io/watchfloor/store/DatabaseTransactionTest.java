package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several stores' writes for one article commit together, or not at all. */
class DatabaseTransactionTest {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.inMemory("tx-" + UUID.randomUUID());
        db.inTransaction("create", c -> c.createStatement().execute("CREATE TABLE note (text VARCHAR(100))"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void write(String text) {
        db.inTransaction("write", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note VALUES (?)")) {
                ps.setString(1, text);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void anInnerTransactionJoinsTheOuterOneOnTheSameConnection() {
        db.inTransaction("outer", outer -> {
            write("a");
            try (Connection inner = db.connection()) {
                assertThat(inner.getMetaData().getURL()).isEqualTo(outer.getMetaData().getURL());
            }
            write("b"); // the inner close() above left the outer connection open
            return null;
        });
        assertThat(db.count("SELECT COUNT(*) FROM note", "count")).isEqualTo(2);
    }

    @Test
    void aFailureRollsBackWhatInnerTransactionsWrote() {
        assertThatThrownBy(() -> db.inTransaction("outer", c -> {
            write("a");
            write("b");
            throw new IllegalStateException("the rules failed");
        })).hasMessage("the rules failed");
        assertThat(db.count("SELECT COUNT(*) FROM note", "count")).isZero();
        write("c"); // and the next unit of work starts clean
        assertThat(db.count("SELECT COUNT(*) FROM note", "count")).isEqualTo(1);
    }
}
