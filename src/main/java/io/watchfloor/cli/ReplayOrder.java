package io.watchfloor.cli;

import io.watchfloor.ingest.FolderSource.DatedFile;
import io.watchfloor.store.Database;
import io.watchfloor.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The replay's reading order, kept in the replay's own database rather than in memory: each article's publication
 * date and file, then every file in publication order (then id); a file given twice (in a folder and by name) is
 * read once.
 */
final class ReplayOrder {
    private static final int BATCH = 1_000;

    private final Database db;
    private final Connection batchConnection;
    private final PreparedStatement insert;
    private int pending;
    private long added;

    ReplayOrder(Database db) {
        this.db = db;
        try {
            batchConnection = db.connection();
            batchConnection.setAutoCommit(false);
            try (Statement st = batchConnection.createStatement()) {
                st.execute("CREATE TABLE replay_order (id VARCHAR(2000) NOT NULL, published DATE NOT NULL,"
                        + " path VARCHAR(4000) NOT NULL, was_read BOOLEAN NOT NULL)");
                st.execute("CREATE INDEX replay_order_published ON replay_order (published, id)");
            }
            insert = batchConnection.prepareStatement(
                    "INSERT INTO replay_order (id, published, path, was_read) VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new StoreException("cannot create the replay order", e);
        }
    }

    void add(DatedFile f) {
        try {
            insert.setString(1, f.id());
            insert.setDate(2, Date.valueOf(f.published()));
            insert.setString(3, f.path().toString());
            insert.setBoolean(4, f.read());
            insert.addBatch();
            added++;
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record " + f.path() + " in the replay order", e);
        }
    }

    /** Files recorded so far (a file given twice counts twice). */
    long size() {
        return added;
    }

    void flush() {
        try {
            insert.executeBatch();
            batchConnection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw new StoreException("cannot record the replay order", e);
        }
    }

    /** The files in publication order, read from disk as they are consumed. */
    Cursor inPublicationOrder() {
        flush();
        try {
            insert.close();
            batchConnection.setAutoCommit(true);
            batchConnection.close();
            Connection c = db.connection();
            PreparedStatement ps = c.prepareStatement("SELECT id, path, was_read FROM replay_order ORDER BY published, id");
            ps.setFetchSize(BATCH);
            return new Cursor(c, ps, ps.executeQuery());
        } catch (SQLException e) {
            throw new StoreException("cannot read the replay order", e);
        }
    }

    /** A file to replay, and whether it was read whole to date it (its warnings given already). */
    record Entry(Path path, boolean read) { }

    /** Files in order; close it when done. */
    static final class Cursor implements Iterator<Entry>, AutoCloseable {
        private final Connection c;
        private final PreparedStatement ps;
        private final ResultSet rs;
        private Boolean ahead;
        private String lastId;

        private Cursor(Connection c, PreparedStatement ps, ResultSet rs) {
            this.c = c;
            this.ps = ps;
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    // The same id twice comes in a row (same date): the second is the same file.
                    do {
                        ahead = rs.next();
                    } while (ahead && rs.getString(1).equals(lastId));
                } catch (SQLException e) {
                    throw new StoreException("cannot read the replay order", e);
                }
            }
            return ahead;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                lastId = rs.getString(1);
                return new Entry(Path.of(rs.getString(2)), rs.getBoolean(3));
            } catch (SQLException e) {
                throw new StoreException("cannot read the replay order", e);
            }
        }

        @Override
        public void close() {
            try (c; ps; rs) {
                // closed in reverse order by try-with-resources
            } catch (SQLException e) {
                throw new StoreException("cannot close the replay order", e);
            }
        }
    }
}
