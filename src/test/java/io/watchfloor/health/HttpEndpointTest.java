package io.watchfloor.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.store.Database;
import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SourceStateStore;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** /health and /metrics over real HTTP on loopback. */
class HttpEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(HttpEndpoint e, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthTurnsDegradedWithReasonsAndMetricsSpeakPrometheus() throws Exception {
        try (Database db = Database.inMemory("health-" + UUID.randomUUID())) {
            SourceStateStore sources = new SourceStateStore(db);
            AtomicReference<String> rules = new AtomicReference<>();
            WatchfloorMetrics metrics = new WatchfloorMetrics();
            metrics.outboxSize(new OutboxStore(db)::countPending);
            AtomicReference<List<String>> incidents = new AtomicReference<>(List.of());
            metrics.rulesReload(() -> rules.get() == null, () -> Instant.parse("2026-01-10T08:00:00Z"));
            try (HttpEndpoint e = new HttpEndpoint("127.0.0.1", 0, new HealthCheck(List.of(
                    HealthCheck.sources(sources), HealthCheck.outbox(new OutboxStore(db), 100),
                    HealthCheck.rules(rules::get, incidents::get))), metrics)) {
                e.start();
                HttpResponse<String> ok = get(e, "/health");
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("{\"status\":\"ok\",\"reasons\":[]}");

                sources.recordPoll("seeds", "folder", Instant.now(), "seeds: folder not found", 0);
                rules.set("rules/escalation.drl:12: no viable alternative");
                HttpResponse<String> bad = get(e, "/health");
                assertThat(bad.statusCode()).isEqualTo(503);
                assertThat(bad.body()).startsWith("{\"status\":\"degraded\",\"reasons\":[")
                        .contains("folder seeds failing: seeds: folder not found")
                        .contains("rules broken: rules/escalation.drl:12");
                incidents.set(List.of("1 article set aside by the rules"));
                assertThat(get(e, "/health").body()).contains("1 article set aside by the rules");

                metrics.articleProcessed(3, Duration.ofMillis(2));
                metrics.alert("CRITICAL");
                metrics.delivery(false);
                metrics.poll("folder", Duration.ofMillis(5));
                HttpResponse<String> m = get(e, "/metrics");
                assertThat(m.statusCode()).isEqualTo(200);
                assertThat(m.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
                assertThat(m.body()).contains("watchfloor_articles_ingested_total 1.0")
                        .contains("watchfloor_signals_total 3.0")
                        .contains("watchfloor_alerts_total{severity=\"CRITICAL\"} 1.0")
                        .contains("watchfloor_delivery_failures_total 1.0")
                        .contains("watchfloor_poll_seconds_count{kind=\"folder\"} 1")
                        .contains("watchfloor_outbox_pending 0.0")
                        .contains("watchfloor_rules_last_reload_successful 0.0")
                        .contains("watchfloor_rules_last_reload_success_timestamp_seconds 1.768032E9");

                assertThat(get(e, "/nope").statusCode()).isEqualTo(404);
            }
        }
    }

    /** Connections that send the start of a request and then nothing, as a stalled or hostile client does. */
    static List<Socket> halfRequests(int port, int n) throws Exception {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ".getBytes(
                    StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            out.add(s);
        }
        return out;
    }

    @Test
    void clientsThatSendHalfARequestDoNotStarveHealthOrMetrics() throws Exception {
        try (Database db = Database.inMemory("stalled-" + UUID.randomUUID())) {
            try (HttpEndpoint e = new HttpEndpoint("127.0.0.1", 0, new HealthCheck(List.of(
                    HealthCheck.sources(new SourceStateStore(db)))), new WatchfloorMetrics())) {
                e.start();
                List<Socket> stalled = halfRequests(e.port(), 4);
                try {
                    // Well under the request time limit: the answer comes from a free worker, not a timed-out one.
                    for (String path : List.of("/health", "/metrics", "/health")) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + e.port() + path)).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).isEqualTo(200);
                    }
                } finally {
                    for (Socket s : stalled) {
                        s.close();
                    }
                }
            }
        }
    }
}
