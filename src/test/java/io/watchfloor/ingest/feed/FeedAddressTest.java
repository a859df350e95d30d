package io.watchfloor.ingest.feed;

import static io.watchfloor.ingest.feed.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where feeds may connect, with real HTTP servers on two loopback addresses (127.0.0.1 and 127.0.0.2) and names
 * resolved through a resolver the test controls (no traffic leaves the machine).
 */
class FeedAddressTest {
    LoopbackFeedServer one;
    LoopbackFeedServer two;

    @BeforeEach
    void start() throws Exception {
        one = new LoopbackFeedServer();
        two = new LoopbackFeedServer(InetAddress.getByName("127.0.0.2"));
        one.serve("/rss", fixture("rss20.xml"), "application/rss+xml", false);
        two.serve("/rss", fixture("rss20.xml"), "application/rss+xml", false);
    }

    @AfterEach
    void stop() {
        one.close();
        two.close();
    }

    private static FeedFetcher fetcher(List<String> allow, HostResolver resolver) {
        return new FeedFetcher(FetchSettings.defaults(), Clock.systemUTC(),
                new AddressPolicy(allow.stream().map(Cidr::parse).toList()), resolver);
    }

    /** Public-looking names that resolve where the test says; everything else as the system resolves it. */
    private static HostResolver names(Map<String, String> map) {
        return host -> map.containsKey(host) ? new InetAddress[] {Cidr.literal(map.get(host))}
                : HostResolver.SYSTEM.resolve(host);
    }

    private static String error(FetchResult r) {
        assertThat(r).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) r).error();
    }

    @Test
    void aFeedOnLoopbackMayReachItsOwnHostButARedirectToAnotherInternalAddressIsRefused() {
        FeedFetcher f = fetcher(List.of(), HostResolver.SYSTEM);
        assertThat(f.fetch(one.url("/rss"), null, null)).isInstanceOf(FetchResult.Fetched.class);

        // 127.0.0.1 -> 127.0.0.2: another address, refused before any connection to it.
        one.status("/to-two", 302, Map.of("Location", two.url("/rss")));
        assertThat(error(f.fetch(one.url("/to-two"), null, null))).isEqualTo("refused to connect to 127.0.0.2: a"
                + " loopback address; feeds may not reach internal addresses unless sources.fetch.allowAddresses"
                + " allows them");
        assertThat(two.hits("/rss")).isZero();

        // 127.0.0.1 -> localhost on another port: the same host (localhost resolves to 127.0.0.1), so allowed.
        LoopbackFeedServer other = null;
        try {
            other = new LoopbackFeedServer();
            other.serve("/rss", fixture("rss20.xml"), "application/rss+xml", false);
            one.status("/to-localhost", 302, Map.of("Location", "http://localhost:" + other.port() + "/rss"));
            assertThat(f.fetch(one.url("/to-localhost"), null, null)).isInstanceOf(FetchResult.Fetched.class);
            assertThat(other.hits("/rss")).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (other != null) {
                other.close();
            }
        }

        // Allowed by the admin: the same redirect goes through.
        FeedFetcher allowing = fetcher(List.of("127.0.0.2/32"), HostResolver.SYSTEM);
        assertThat(allowing.fetch(one.url("/to-two"), null, null)).isInstanceOf(FetchResult.Fetched.class);
        assertThat(two.hits("/rss")).isEqualTo(1);
    }

    @Test
    void aPublicLookingNameThatResolvesToAnInternalAddressIsRefusedUnlessAllowed() {
        String url = "http://news.example.org:" + one.port() + "/rss";
        HostResolver dns = names(Map.of("news.example.org", "127.0.0.1"));
        assertThat(error(fetcher(List.of(), dns).fetch(url, null, null))).isEqualTo("refused to connect to 127.0.0.1"
                + " (news.example.org): a loopback address; feeds may not reach internal addresses unless"
                + " sources.fetch.allowAddresses allows them");
        assertThat(one.hits("/rss")).isZero();

        // A public feed that redirects to the cloud metadata address is refused too.
        HostResolver metadata = names(Map.of("news.example.org", "127.0.0.1", "metadata.example.org",
                "169.254.169.254"));
        one.status("/to-metadata", 302, Map.of("Location", "http://metadata.example.org/latest/meta-data/"));
        assertThat(error(fetcher(List.of("127.0.0.1/32"), metadata).fetch("http://news.example.org:" + one.port()
                + "/to-metadata", null, null))).startsWith("refused to connect to 169.254.169.254"
                + " (metadata.example.org): a link-local address (where cloud metadata services answer);");

        // Allowed: the fetcher connects to the address it resolved, and sends the name as the Host.
        FetchResult ok = fetcher(List.of("127.0.0.0/8"), dns).fetch(url, null, null);
        assertThat(ok).isInstanceOf(FetchResult.Fetched.class);
        assertThat(one.lastHeaders("/rss").getFirst("Host")).isEqualTo("news.example.org:" + one.port());
    }

    @Test
    void theAddressConnectedToIsTheAddressChecked() {
        // DNS rebinding: the name answers an allowed address, then an internal one. Each hop is resolved once, by
        // the fetcher, and the connection goes to that very answer: no second lookup can change it.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> {
            if (!host.equals("feed.example.org")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {Cidr.literal(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
        };
        FeedFetcher f = fetcher(List.of("127.0.0.1/32"), rebinding);
        String url = "http://feed.example.org:" + one.port() + "/rss";
        assertThat(f.fetch(url, null, null)).isInstanceOf(FetchResult.Fetched.class);
        assertThat(lookups).hasValue(1);
        assertThat(one.hits("/rss")).isEqualTo(1);
        assertThat(error(f.fetch(url, null, null))).startsWith("refused to connect to 127.0.0.2 (feed.example.org)");
        assertThat(two.hits("/rss")).isZero();
    }
}
