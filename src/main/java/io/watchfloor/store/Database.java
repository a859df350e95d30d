package io.watchfloor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store's connection pool, with the schema brought up to date by Flyway on open: H2 embedded (the default), or
 * PostgreSQL (or another JDBC database Flyway knows) by URL.
 */
public final class Database implements AutoCloseable {
    private final DataSource pool;
    private final Runnable closer;
    /** The connection of the transaction the current thread is in, if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** The statements prepared in that transaction, by their SQL. */
    private final ThreadLocal<Map<String, PreparedStatement>> statements = new ThreadLocal<>();

    private Database(DataSource pool, Runnable closer) {
        this.pool = pool;
        this.closer = closer;
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code url}. Its commits are on disk when they return:
     * PostgreSQL's are; an H2 file's are made so (see {@link DurableCommits}).
     */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, true);
    }

    /** A scratch database (a replay's): deleted when done, so its commits need not reach the disk one by one. */
    public static Database scratch(String url) {
        return open(url, "sa", "", false);
    }

    private static Database open(String url, String user, String password, boolean durable) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        if (h2File && durable && !has(url, "RETENTION_TIME")) {
            // Chunks freed by newer commits may be overwritten after this long (H2's default, 45 s, lets the file
            // grow by every commit of the last 45 s). Safe because each commit is forced to the disk at once.
            url = url + ";RETENTION_TIME=1000";
        }
        if (url.startsWith("jdbc:h2:") && !has(url, "LOCK_TIMEOUT")) {
            // Queueing an alert waits for a message being claimed by the delivery (rendering it takes a moment).
            url = url + ";LOCK_TIMEOUT=10000";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // The daemon's ordered shutdown closes the store last; H2's own exit hook would close it too early.
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            // The stores use a few dozen statements over and over; H2 keeps only 8 parsed by default.
            url = url + ";QUERY_CACHE_SIZE=128";
        }
        DataSource pool;
        Runnable closer;
        try {
            if (url.startsWith("jdbc:h2:")) {
                JdbcConnectionPool h2 = JdbcConnectionPool.create(url, user == null ? "" : user,
                        password == null ? "" : password);
                pool = h2File && durable ? DurableCommits.wrap(h2) : h2;
                closer = h2::dispose;
            } else {
                HikariConfig hc = new HikariConfig();
                hc.setJdbcUrl(url);
                hc.setUsername(user);
                hc.setPassword(password);
                hc.setMaximumPoolSize(8);
                hc.setPoolName("watchfloor");
                HikariDataSource hikari = new HikariDataSource(hc);
                pool = hikari;
                closer = hikari::close;
            }
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + url + ": " + StoreException.rootMessage(e), e);
        }
        try {
            migrate(url, pool);
        } catch (RuntimeException | SQLException e) {
            closer.run();
            throw new StoreException("cannot open database " + url + ": " + StoreException.rootMessage(e), e);
        }
        return new Database(pool, closer);
    }

    /**
     * Brings the schema up to date: an H2 store that is new or already current without Flyway (see
     * {@link H2SchemaShortcut}), anything else with Flyway.
     */
    private static void migrate(String url, DataSource pool) throws SQLException {
        if (url.startsWith("jdbc:h2:") && H2SchemaShortcut.migrate(pool, MIGRATIONS)) {
            return;
        }
        // PostgreSQL also gets Quartz's cluster tables (cluster mode is PostgreSQL only).
        String[] locations = url.startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:" + MIGRATIONS, "classpath:db/postgresql"}
                : new String[] {"classpath:" + MIGRATIONS};
        Flyway.configure().dataSource(pool).locations(locations).load().migrate();
    }

    /** The class-path folder of the schema's migrations. */
    static final String MIGRATIONS = "db/migration";

    /** A private in-memory database: replays and tests get a real store that vanishes with them. */
    public static Database inMemory(String name) {
        return scratch("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    private static boolean has(String url, String setting) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";" + setting + "=");
    }

    /** Work on one connection inside a transaction. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Called inside another
     * transaction on the same thread, it joins that one (so several stores' writes can commit together).
     */
    public <T> T inTransaction(String what, Work<T> work) {
        Connection bound = current.get();
        try {
            if (bound != null) {
                return work.run(unclosable(bound));
            }
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                current.set(c);
                statements.set(new java.util.HashMap<>());
                try {
                    T t = work.run(unclosable(c));
                    c.commit();
                    return t;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    for (PreparedStatement ps : statements.get().values()) {
                        ps.close();
                    }
                    statements.remove();
                    current.remove();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /**
     * A long-lived connection for a stage that writes over and over, its statements prepared once; see
     * {@link StoreSession}.
     */
    public StoreSession session(int unitsPerCommit) {
        return new StoreSession(this, unitsPerCommit);
    }

    /** Whether the current thread is inside a transaction or a store session's unit. */
    boolean bound() {
        return current.get() != null;
    }

    /** A session's unit begins on this thread: the stores' calls join its connection and reuse its statements. */
    void bind(Connection c, Map<String, PreparedStatement> prepared) {
        current.set(c);
        statements.set(prepared);
    }

    void unbind() {
        current.remove();
        statements.remove();
    }

    /** The single number a {@code SELECT COUNT(*) ...} returns. */
    public int count(String sql, String what) {
        try (Connection c = connection(); var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection: the one of the transaction this thread is in (its close() then leaves it open), else one from
     * the pool. One connection per unit of work is also what makes the database's parsed-statement cache pay.
     */
    public Connection connection() throws SQLException {
        Connection bound = current.get();
        return bound != null ? unclosable(bound) : pool.getConnection();
    }

    /**
     * The transaction's connection for the stores: close() leaves it open, and a statement prepared twice in one
     * transaction is parsed once (an article's alert decisions run the same few statements many times).
     */
    private Connection unclosable(Connection c) {
        Map<String, PreparedStatement> cache = statements.get();
        return proxy(Connection.class, c, (method, args) -> {
            if (method.getName().equals("close")) {
                return null;
            }
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                PreparedStatement ps = cache.get(sql);
                if (ps == null) {
                    ps = c.prepareStatement(sql);
                    cache.put(sql, ps);
                } else {
                    ps.clearParameters();
                }
                PreparedStatement shared = ps;
                return proxy(PreparedStatement.class, shared, (m, a) -> m.getName().equals("close") ? null
                        : m.invoke(shared, a));
            }
            return method.invoke(c, args);
        });
    }

    interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    /** {@code target} seen through {@code call}; the target's own exceptions pass through unwrapped. */
    static <T> T proxy(Class<T> type, Object target, Call call) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    try {
                        return call.invoke(method, args == null ? new Object[0] : args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    @Override
    public void close() {
        // In-memory databases live as long as a connection does; close them for good.
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            if (c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException ignored) {
            // Closing anyway.
        }
        closer.run();
    }
}
