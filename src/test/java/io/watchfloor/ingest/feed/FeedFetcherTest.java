package io.watchfloor.ingest.feed;

import static io.watchfloor.ingest.feed.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FeedFetcherTest {
    LoopbackFeedServer server;
    final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackFeedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static FetchSettings with(Duration readTimeout, long maxBytes) {
        FetchSettings d = FetchSettings.defaults();
        return new FetchSettings(d.connectTimeout(), readTimeout, maxBytes, d.maxRedirects(), d.maxItemChars(),
                d.userAgent(), d.backoffInitial(), d.backoffMax(), d.concurrency());
    }

    @Test
    void conditionalGetWithEtagAndUserAgent() {
        byte[] feed = fixture("rss20.xml");
        server.serve("/rss", feed, "application/rss+xml", false);
        FetchResult first = fetcher.fetch(server.url("/rss"), null, null);
        assertThat(first).isInstanceOf(FetchResult.Fetched.class);
        FetchResult.Fetched f = (FetchResult.Fetched) first;
        assertThat(f.body()).isEqualTo(feed);
        assertThat(f.etag()).isNotBlank();
        assertThat(f.lastModified()).isEqualTo(LoopbackFeedServer.LAST_MODIFIED);
        assertThat(server.lastHeaders("/rss").getFirst("User-Agent")).startsWith("watchfloor/");
        assertThat(server.lastHeaders("/rss").getFirst("If-None-Match")).isNull();

        FetchResult second = fetcher.fetch(server.url("/rss"), f.etag(), f.lastModified());
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.lastHeaders("/rss").getFirst("If-None-Match")).isEqualTo(f.etag());
        assertThat(server.lastHeaders("/rss").getFirst("If-Modified-Since")).isEqualTo(f.lastModified());
        // Last-Modified alone works too.
        assertThat(fetcher.fetch(server.url("/rss"), null, f.lastModified())).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void gzip() {
        byte[] feed = fixture("atom10.xml");
        server.serve("/atom", feed, "application/atom+xml", true);
        FetchResult r = fetcher.fetch(server.url("/atom"), null, null);
        assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) r).body()).isEqualTo(feed);
        assertThat(server.lastHeaders("/atom").getFirst("Accept-Encoding")).contains("gzip");
    }

    @Test
    void redirectsAreFollowedUpToABound() {
        server.serve("/new", fixture("rss10.rdf"), "application/rdf+xml", false);
        server.status("/old", 301, Map.of("Location", "/moved"));
        server.status("/moved", 302, Map.of("Location", server.url("/new")));
        FetchResult r = fetcher.fetch(server.url("/old"), null, null);
        assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) r).uri().toString()).isEqualTo(server.url("/new"));

        server.status("/loop", 302, Map.of("Location", "/loop"));
        FetchResult loop = fetcher.fetch(server.url("/loop"), null, null);
        assertThat(loop).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) loop).error()).contains("too many redirects");
        assertThat(server.hits("/loop")).isEqualTo(6);   // the first request and 5 redirects

        server.status("/ftp", 302, Map.of("Location", "ftp://127.0.0.1/feed"));
        assertThat(((FetchResult.Failed) fetcher.fetch(server.url("/ftp"), null, null)).error())
                .contains("not an http(s) URL");
    }

    @Test
    @Timeout(30)
    void oversizedFeedsAreRejectedWhileStreaming() {
        // 11 MB with a Content-Length: refused before reading the body.
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        server.serve("/declared", big, "application/rss+xml", false);
        FetchResult declared = fetcher.fetch(server.url("/declared"), null, null);
        assertThat(((FetchResult.Failed) declared).error()).contains("too large").contains("10485760");

        // Chunked, no length, never-ending: cut at the cap.
        server.handle("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {   // 64 MB at most
                    out.write(chunk);
                }
            }
        });
        FetchResult endless = fetcher.fetch(server.url("/endless"), null, null);
        assertThat(((FetchResult.Failed) endless).error()).contains("too large");

        // A gzip bomb: small on the wire, too large once decompressed.
        byte[] bomb = LoopbackFeedServer.gzip(new byte[40 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        server.handle("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, bomb.length);
            ex.getResponseBody().write(bomb);
        });
        assertThat(((FetchResult.Failed) fetcher.fetch(server.url("/bomb"), null, null)).error())
                .contains("too large").contains("decompressed");
    }

    @Test
    @Timeout(20)
    void slowServersTimeOut() {
        FeedFetcher impatient = new FeedFetcher(with(Duration.ofMillis(700), 10L << 20));
        server.handle("/silent", ex -> sleep(10_000));
        long t0 = System.nanoTime();
        FetchResult r = impatient.fetch(server.url("/silent"), null, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(((FetchResult.Failed) r).error()).contains("timed out");
        assertThat(ms).isBetween(600L, 3000L);

        // Headers at once, then a byte every 200 ms: the deadline covers the whole body.
        server.handle("/drip", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('<');
                out.flush();
                sleep(200);
            }
        });
        t0 = System.nanoTime();
        FetchResult drip = impatient.fetch(server.url("/drip"), null, null);
        ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(((FetchResult.Failed) drip).error()).contains("timed out");
        assertThat(ms).isLessThan(3000L);
    }

    @Test
    void tooManyRequestsAndRetryAfter() {
        server.status("/busy", 429, Map.of("Retry-After", "120"));
        FetchResult.Failed r = (FetchResult.Failed) fetcher.fetch(server.url("/busy"), null, null);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(r.error()).contains("429").contains("Retry-After 2m");

        server.status("/down", 503, Map.of("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"));
        FetchResult.Failed d = (FetchResult.Failed) fetcher.fetch(server.url("/down"), null, null);
        assertThat(d.retryAfter()).isGreaterThan(Duration.ofDays(365));

        server.status("/gone", 404, Map.of());
        assertThat(((FetchResult.Failed) fetcher.fetch(server.url("/gone"), null, null)).error()).isEqualTo("HTTP 404");
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FetchResult r = fetcher.fetch("http://127.0.0.1:" + port + "/rss", null, null);
        assertThat(r).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) r).status()).isZero();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
