package io.watchfloor.cli;

import io.watchfloor.ingest.FileArticle;
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
                        + " path VARCHAR(4000) NOT NULL)");
                st.execute("CREATE INDEX replay_order_published ON replay_order (published, id)");
            }
            insert = batchConnection.prepareStatement(
                    "INSERT INTO replay_order (id, published, path) VALUES (?, ?, ?)");
        } catch (SQLException e) {
            throw new StoreException("cannot create the replay order", e);
        }
    }

    void add(FileArticle f) {
        try {
            String id = f.article().id();
            insert.setString(1, id);
            insert.setDate(2, Date.valueOf(f.article().published()));
            insert.setString(3, f.path().toString());
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
            PreparedStatement ps = c.prepareStatement("SELECT id, path FROM replay_order ORDER BY published, id");
            ps.setFetchSize(BATCH);
            return new Cursor(c, ps, ps.executeQuery());
        } catch (SQLException e) {
            throw new StoreException("cannot read the replay order", e);
        }
    }

    /** Files in order; close it when done. */
    static final class Cursor implements Iterator<Path>, AutoCloseable {
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
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                lastId = rs.getString(1);
                return Path.of(rs.getString(2));
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
