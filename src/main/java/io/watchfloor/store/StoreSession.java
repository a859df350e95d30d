package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived connection for a stage that writes the store over and over (the ordered stage: an article, its
 * signals, its alert decisions), with every statement prepared once for the session's life instead of once per
 * transaction. Each {@link #run} is one unit of work: the stores' calls inside it join one transaction. With
 * {@code unitsPerCommit} 1 every unit commits on its own (the daemon: a commit is durable when it returns); more
 * batches units into one commit (a replay's scratch store, where a failure ends the replay anyway: it rolls back
 * every unit since the last commit). Used by one thread at a time; not thread-safe.
 */
public final class StoreSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSession.class);

    private final Database db;
    private final int unitsPerCommit;
    private Connection connection;
    private Map<String, PreparedStatement> statements;
    private int pending;

    StoreSession(Database db, int unitsPerCommit) {
        if (unitsPerCommit < 1) {
            throw new IllegalArgumentException("unitsPerCommit must be at least 1");
        }
        this.db = db;
        this.unitsPerCommit = unitsPerCommit;
    }

    /**
     * Runs {@code work} as one unit on the session's connection; called inside a unit or a transaction already open
     * on this thread, joins it. A unit that throws rolls back (with the uncommitted units before it) and the
     * connection is replaced: a broken connection must not break every unit after it.
     */
    public <T> T run(String what, Supplier<T> work) {
        if (db.bound()) {
            return work.get();
        }
        open(what);
        db.bind(connection, statements);
        try {
            T t = work.get();
            if (++pending >= unitsPerCommit) {
                commit(what);
            }
            return t;
        } catch (RuntimeException | Error e) {
            pending = 0;
            discard(what);
            throw e;
        } finally {
            db.unbind();
        }
    }

    /** Commits the units not committed yet. */
    public void flush() {
        if (connection != null && pending > 0) {
            commit("cannot commit to the store");
        }
    }

    private void open(String what) {
        if (connection != null) {
            return;
        }
        try {
            Connection c = db.dataSource().getConnection();
            c.setAutoCommit(false);
            connection = c;
            statements = new HashMap<>();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private void commit(String what) {
        try {
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            pending = 0;
            discard(what);
            throw new StoreException(what, e);
        }
    }

    /** Rolls back and closes the connection; the next unit opens another. */
    private void discard(String what) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("{}: rollback failed: {}", what, e.getMessage());
        }
        closeConnection();
    }

    private void closeConnection() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a store session's connection: {}", e.getMessage());
        }
        connection = null;
        statements = null;
    }

    /** Commits what is pending and gives the connection back. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            if (connection != null) {
                closeConnection();
            }
        }
    }
}
