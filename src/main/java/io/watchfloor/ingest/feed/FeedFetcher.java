package io.watchfloor.ingest.feed;

import static io.watchfloor.config.DurationDeserializer.human;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches feeds politely with the JDK HTTP client: conditional GET (If-None-Match, If-Modified-Since), gzip,
 * redirects followed up to a bound, a connect timeout and a deadline for the whole response, a size cap enforced
 * while the body streams in (and again after decompression), a User-Agent naming watchfloor. Never throws for a
 * feed's problems: they come back as {@link FetchResult.Failed}. Thread-safe; one instance serves every feed.
 */
public final class FeedFetcher {
    private final FetchSettings settings;
    private final HttpClient client;
    private final Clock clock;

    public FeedFetcher(FetchSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public FeedFetcher(FetchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)   // followed here, bounded, scheme-checked
                .connectTimeout(settings.connectTimeout())
                .build();
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
        for (int hop = 0; ; hop++) {
            if (!isHttp(uri)) {
                return new FetchResult.Failed(0, "not an http(s) URL: " + uri, null);
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(remaining(deadline))
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
                            + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
                    .header("Accept-Encoding", "gzip");
            if (etag != null && !etag.isBlank()) {
                rb.header("If-None-Match", etag);
            }
            if (lastModified != null && !lastModified.isBlank()) {
                rb.header("If-Modified-Since", lastModified);
            }
            HttpResponse<byte[]> r;
            CompletableFuture<HttpResponse<byte[]>> future =
                    client.sendAsync(rb.build(), info -> new CappedBody(info, settings.maxBytes()));
            try {
                long left = deadline - System.nanoTime();
                r = future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new FetchResult.Failed(0, "timed out after " + human(settings.readTimeout())
                        + " (readTimeout)", null);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new FetchResult.Failed(0, "interrupted", null);
            } catch (ExecutionException | CancellationException e) {
                return new FetchResult.Failed(0, describe(e.getCause() == null ? e : e.getCause()), null);
            }
            int status = r.statusCode();
            if (isRedirect(status)) {
                Optional<String> location = r.headers().firstValue("Location");
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
                Duration retry = retryAfter(r.headers().firstValue("Retry-After").orElse(null));
                return new FetchResult.Failed(status, "HTTP " + status + (status == 429 ? " Too Many Requests"
                        : " Service Unavailable") + (retry != null ? " (Retry-After " + human(retry) + ")" : ""),
                        retry);
            }
            if (status < 200 || status > 299) {
                return new FetchResult.Failed(status, "HTTP " + status, null);
            }
            byte[] body = r.body();
            String encoding = r.headers().firstValue("Content-Encoding").orElse("identity").strip()
                    .toLowerCase(Locale.ROOT);
            try {
                body = decode(body, encoding);
            } catch (TooLargeException e) {
                return new FetchResult.Failed(status, e.getMessage(), null);
            } catch (IOException e) {
                return new FetchResult.Failed(status, "cannot decompress (" + encoding + "): " + e.getMessage(),
                        null);
            }
            return new FetchResult.Fetched(status, body, uri, r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Last-Modified").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null));
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

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
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

    private static String describe(Throwable t) {
        if (t instanceof TooLargeException) {
            return t.getMessage();
        }
        if (t instanceof HttpConnectTimeoutException) {
            return "connect timed out (connectTimeout)";
        }
        if (t instanceof HttpTimeoutException) {
            return "timed out (readTimeout)";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && c.getMessage() == null) {
            c = c.getCause();
        }
        if (c.getCause() instanceof TooLargeException tl) {
            return tl.getMessage();
        }
        String m = c.getMessage();
        return c.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    /** A body over the size cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Collects a body up to the cap; past it (or when Content-Length already says so) it cancels the stream so the
     * rest is never read. Bodies of statuses other than 2xx are drained without being kept.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long max;
        private final boolean keep;
        private final long declared;
        private Flow.Subscription subscription;
        private long received;

        CappedBody(HttpResponse.ResponseInfo info, long max) {
            this.max = max;
            this.keep = info.statusCode() >= 200 && info.statusCode() <= 299;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (keep && declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLargeException("feed too large: Content-Length " + declared
                        + " bytes, limit " + max + " (maxBytes)"));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                received += b.remaining();
                if (received > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException("feed too large: more than " + max
                            + " bytes (maxBytes)"));
                    return;
                }
                if (keep) {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    buffer.write(chunk, 0, chunk.length);
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
