package io.watchfloor.board;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in officers, in memory (a restart signs everyone out): a random session id for the cookie, a random CSRF
 * token that every form carries, and an idle limit.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session: who, the token its forms must send back, whether a reverse proxy vouched for the user. */
    record Session(String id, String user, String csrf, boolean proxied, Instant lastSeen) {
        /** Whether {@code token} is this session's CSRF token (compared in constant time). */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    Session open(String user, boolean proxied) {
        Session s = new Session(token(), user, token(), proxied, clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; expired ones are dropped. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.lastSeen().plus(idle).isBefore(now));
        Session s = byId.computeIfPresent(id, (k, v) -> new Session(v.id(), v.user(), v.csrf(), v.proxied(), now));
        return Optional.ofNullable(s);
    }

    void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
