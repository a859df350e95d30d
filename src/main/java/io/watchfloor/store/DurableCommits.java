package io.watchfloor.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Commits that are on disk when they return, on an embedded H2 database. H2 writes committed work to its file in the
 * background, up to its write delay later (a kill -9 in between loses it), and never forces the file to the disk. So
 * every commit that wrote something (and every write made in auto-commit mode) is followed by {@code CHECKPOINT SYNC}:
 * H2 writes what is committed and forces the file to the disk, as PostgreSQL forces its write-ahead log at commit.
 * Transactions that only read cost nothing more.
 */
final class DurableCommits implements DataSource {
    /** Statement methods that may write. */
    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final DataSource h2;

    private DurableCommits(DataSource h2) {
        this.h2 = h2;
    }

    static DataSource wrap(DataSource h2) {
        return new DurableCommits(h2);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(h2.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return durable(h2.getConnection(user, password));
    }

    /** The connection, with a sync after each commit of a transaction that wrote, and after each auto-commit write. */
    private static Connection durable(Connection c) {
        boolean[] wrote = {false};
        return Database.proxy(Connection.class, c, (method, args) -> {
            String name = method.getName();
            if (name.equals("commit")) {
                c.commit();
                if (wrote[0]) {
                    wrote[0] = false;
                    sync(c);
                }
                return null;
            }
            if (name.equals("rollback") && args.length == 0) {
                wrote[0] = false;
                c.rollback();
                return null;
            }
            if (name.equals("setAutoCommit")) {
                c.setAutoCommit((Boolean) args[0]); // switching it on commits the open transaction
                if ((Boolean) args[0] && wrote[0]) {
                    wrote[0] = false;
                    sync(c);
                }
                return null;
            }
            Object result = method.invoke(c, args);
            if (result instanceof Statement st && method.getReturnType().isInterface()) {
                return statement(method.getReturnType(), st, c, wrote);
            }
            return result;
        });
    }

    private static Object statement(Class<?> type, Statement st, Connection c, boolean[] wrote) {
        return Database.proxy(type, st, (method, args) -> {
            Object result = method.invoke(st, args);
            if (WRITES.contains(method.getName())) {
                if (c.getAutoCommit()) {
                    sync(c);
                } else {
                    wrote[0] = true;
                }
            }
            return result;
        });
    }

    private static void sync(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return h2.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return h2.isWrapperFor(iface);
    }
}
