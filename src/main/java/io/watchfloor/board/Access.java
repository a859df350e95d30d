package io.watchfloor.board;

import com.sun.net.httpserver.HttpExchange;
import io.watchfloor.config.ConfigException;
import io.watchfloor.config.WatchfloorConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may write on the board. Everyone may read. A writer is signed in with a name and password from
 * {@code http.board.users}, or named by a trusted reverse proxy in {@code http.board.proxyHeader} on a request that
 * comes from one of {@code http.board.proxyAddresses}; either way they hold a session, whose CSRF token every form
 * carries.
 */
final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String COOKIE = "watchfloor_session";

    private final WatchfloorConfig.Board config;
    private final List<InetAddress> proxies = new ArrayList<>();
    private final Sessions sessions;

    Access(WatchfloorConfig.Board config, Clock clock) {
        this.config = config;
        this.sessions = new Sessions(config.sessionIdle(), clock);
        for (String a : config.proxyAddresses()) {
            // Literal addresses only: a name would be looked up in DNS, which an attacker may answer.
            if (!a.matches("[0-9.]+|[0-9A-Fa-f:.]+")) {
                throw new ConfigException("key 'http.board.proxyAddresses': '" + a + "' is not an IP address");
            }
            try {
                proxies.add(InetAddress.getByName(a));
            } catch (UnknownHostException e) {
                throw new ConfigException("key 'http.board.proxyAddresses': '" + a + "' is not an IP address");
            }
        }
    }

    /** Whether anyone can write at all (users configured, or a proxy header). */
    boolean writable() {
        return !config.users().isEmpty() || !config.proxyHeader().isEmpty();
    }

    /**
     * The writer making this request, if any: the proxy's user (a session is opened for them, its cookie set), or
     * the holder of a live session.
     */
    Optional<Sessions.Session> writer(HttpExchange ex, WebRequest req) {
        String cookie = req.cookies().get(COOKIE);
        Optional<Sessions.Session> held = sessions.find(cookie);
        Optional<String> proxied = proxyUser(ex);
        if (proxied.isPresent()) {
            if (held.isPresent() && held.get().proxied() && held.get().user().equals(proxied.get())) {
                return held;
            }
            Sessions.Session s = sessions.open(proxied.get(), true);
            setCookie(ex, s.id());
            return Optional.of(s);
        }
        // A session the proxy vouched for lasts only while the proxy keeps vouching.
        return held.filter(s -> !s.proxied());
    }

    private Optional<String> proxyUser(HttpExchange ex) {
        if (config.proxyHeader().isEmpty() || !proxies.contains(ex.getRemoteAddress().getAddress())) {
            return Optional.empty();
        }
        String user = ex.getRequestHeaders().getFirst(config.proxyHeader());
        return user == null || user.isBlank() ? Optional.empty() : Optional.of(user.strip());
    }

    /**
     * Signs a user in: a new session when the name and password match a configured user. Every attempt costs one
     * PBKDF2 derivation, so an unknown name takes as long as a wrong password.
     */
    Optional<Sessions.Session> signIn(HttpExchange ex, String name, String password) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        String hash = config.users().stream().filter(u -> u.name().equals(name))
                .map(WatchfloorConfig.BoardUser::passwordHash).findFirst().orElse(null);
        boolean ok = PasswordHash.matches(pw, hash != null ? hash : Decoy.HASH) && hash != null;
        if (!ok) {
            LOG.warn("board: sign-in refused for '{}' from {}", name,
                    ex.getRemoteAddress().getAddress().getHostAddress());
            return Optional.empty();
        }
        Sessions.Session s = sessions.open(name, false);
        setCookie(ex, s.id());
        LOG.info("board: {} signed in from {}", name, ex.getRemoteAddress().getAddress().getHostAddress());
        return Optional.of(s);
    }

    void signOut(HttpExchange ex, Sessions.Session s) {
        sessions.close(s.id());
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    private static void setCookie(HttpExchange ex, String id) {
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
    }

    /** Checked against when the name is unknown, so that the answer takes as long; made on first need. */
    private static final class Decoy {
        static final String HASH = PasswordHash.hash(PasswordHash.class.getName().toCharArray());
    }
}
