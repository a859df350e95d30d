package io.watchfloor.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How feeds are fetched.
 *
 * @param connectTimeout longest wait for a TCP connection
 * @param readTimeout    longest wait for the whole response (headers and body) once the request is sent
 * @param maxBytes       largest body accepted, counted while it streams in (compressed and decompressed alike)
 * @param maxRedirects   redirects followed before giving up
 * @param maxItemChars   an item's body text is cut to this many characters
 * @param userAgent      the User-Agent header (names watchfloor)
 * @param backoffInitial wait after a first failure; doubled after each further one
 * @param backoffMax     longest wait after failures (and longest Retry-After honoured)
 * @param concurrency    feeds fetched at once
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects,
                            int maxItemChars, String userAgent, Duration backoffInitial, Duration backoffMax,
                            int concurrency) {
    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    /** The embedded defaults (as in config/watchfloor.yaml). */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 100_000,
                "watchfloor/0.1 (news watch daemon; feed reader)", Duration.ofMinutes(1), Duration.ofHours(6), 16);
    }

    /** The backoff after {@code failures} consecutive failures (1 = the first): initial * 2^(failures-1), capped. */
    public Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration d = backoffInitial;
        for (int i = 1; i < failures && d.compareTo(backoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
