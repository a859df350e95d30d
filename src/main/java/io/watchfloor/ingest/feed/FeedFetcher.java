package io.watchfloor.ingest.feed;

import static io.watchfloor.config.DurationDeserializer.human;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches feeds politely: conditional GET (If-None-Match, If-Modified-Since), gzip, redirects followed up to a
 * bound, a connect timeout and a deadline for the whole response, a size cap enforced while the body streams in (and
 * again after decompression), a User-Agent naming watchfloor. Every address it connects to, on every hop, is one it
 * resolved and checked itself ({@link AddressPolicy}): internal addresses are refused unless allowed, or unless the
 * feed's own configured host is one. Never throws for a feed's problems: they come back as
 * {@link FetchResult.Failed}. Thread-safe; one instance serves every feed.
 */
public final class FeedFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private final FetchSettings settings;
    private final GuardedConnector connector;
    private final Clock clock;

    public FeedFetcher(FetchSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public FeedFetcher(FetchSettings settings, Clock clock) {
        this(settings, clock, AddressPolicy.defaults(), HostResolver.SYSTEM);
    }

    public FeedFetcher(FetchSettings settings, Clock clock, AddressPolicy policy, HostResolver resolver) {
        this.settings = settings;
        this.clock = clock;
        this.connector = new GuardedConnector(resolver, policy, settings.connectTimeout());
    }

    public FetchSettings settings() {
        return settings;
    }

    /**
     * Fetches {@code url}, sending the validators when given.
     *
     * @param etag         from the last successful fetch, or null
     * @param lastModified from the last successful fetch, or null
     */
    public FetchResult fetch(String url, String etag, String lastModified) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new FetchResult.Failed(0, "bad URL: " + e.getMessage(), null);
        }
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        // The configured host's own addresses may be internal ones (a feed on 127.0.0.1): those, and only those.
        Set<InetAddress> trusted = isHttp(uri) ? connector.policy().trustedFor(GuardedConnector.hostOf(uri),
                connector.resolver()) : Set.of();
        for (int hop = 0; ; hop++) {
            if (!isHttp(uri)) {
                return new FetchResult.Failed(0, "not an http(s) URL: " + uri, null);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", settings.userAgent());
            headers.put("Accept", ACCEPT);
            headers.put("Accept-Encoding", "gzip");
            if (etag != null && !etag.isBlank()) {
                headers.put("If-None-Match", etag);
            }
            if (lastModified != null && !lastModified.isBlank()) {
                headers.put("If-Modified-Since", lastModified);
            }
            HttpGet.Response r;
            try (Socket socket = connector.open(uri, trusted, deadline)) {
                r = HttpGet.send(socket, uri, headers, settings.maxBytes(), deadline);
            } catch (IOException e) {
                return new FetchResult.Failed(0, describe(e, uri), null);
            }
            int status = r.status();
            if (isRedirect(status)) {
                Optional<String> location = r.header("Location");
                if (location.isEmpty()) {
                    return new FetchResult.Failed(status, "HTTP " + status + " without a Location header", null);
                }
                if (hop >= settings.maxRedirects()) {
                    return new FetchResult.Failed(status, "too many redirects (more than "
                            + settings.maxRedirects() + ")", null);
                }
                try {
                    uri = uri.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed(status, "bad redirect Location: " + location.get(), null);
                }
                continue;
            }
            if (status == 304) {
                return new FetchResult.NotModified(uri);
            }
            if (status == 429 || status == 503) {
                Duration retry = retryAfter(r.header("Retry-After").orElse(null));
                return new FetchResult.Failed(status, "HTTP " + status + (status == 429 ? " Too Many Requests"
                        : " Service Unavailable") + (retry != null ? " (Retry-After " + human(retry) + ")" : ""),
                        retry);
            }
            if (status < 200 || status > 299) {
                return new FetchResult.Failed(status, "HTTP " + status, null);
            }
            byte[] body = r.body();
            String encoding = r.header("Content-Encoding").orElse("identity").strip()
                    .toLowerCase(Locale.ROOT);
            try {
                body = decode(body, encoding);
            } catch (TooLargeException e) {
                return new FetchResult.Failed(status, e.getMessage(), null);
            } catch (IOException e) {
                return new FetchResult.Failed(status, "cannot decompress (" + encoding + "): " + e.getMessage(),
                        null);
            }
            return new FetchResult.Fetched(status, body, uri, r.header("ETag").orElse(null),
                    r.header("Last-Modified").orElse(null),
                    r.header("Content-Type").orElse(null));
        }
    }

    private byte[] decode(byte[] body, String encoding) throws IOException {
        InputStream in;
        switch (encoding) {
            case "identity", "" -> {
                return body;
            }
            case "gzip", "x-gzip" -> in = new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> in = new InflaterInputStream(new ByteArrayInputStream(body));
            default -> throw new IOException("unsupported Content-Encoding");
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20));
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > settings.maxBytes()) {
                    throw new TooLargeException("feed too large: more than " + settings.maxBytes()
                            + " bytes once decompressed (maxBytes)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isHttp(URI uri) {
        String s = uri.getScheme();
        return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) && uri.getHost() != null;
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long s = Long.parseLong(v);
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String describe(IOException e, URI uri) {
        if (e instanceof TooLargeException || e instanceof AddressRefusedException) {
            return e.getMessage();
        }
        if (e instanceof GuardedConnector.DeadlineException) {
            return "timed out after " + human(settings.readTimeout()) + " (readTimeout)";
        }
        if (e instanceof SocketTimeoutException) {
            return "connect timed out (connectTimeout)";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + uri.getHost();
        }
        if (e instanceof SSLException) {
            return "TLS: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    /** A body over the size cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
