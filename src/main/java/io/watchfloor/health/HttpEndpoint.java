package io.watchfloor.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP endpoint, bound to loopback by default: {@code GET /health} (200 ok, 503 degraded, JSON with the
 * reasons) and {@code GET /metrics} (Prometheus text format).
 *
 * <p>Stalled clients cannot starve it: the JDK server reads a request on a worker thread, so a client that sends
 * half a request holds a worker until the request time limit ({@link RequestTimeLimits}) closes its connection;
 * there are {@value #WORKERS} workers, so a few such clients leave the others free meanwhile.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Workers: /health and /metrics are cheap, so these are for clients that stall, not for load. */
    static final int WORKERS = 8;

    static {
        RequestTimeLimits.apply();
    }

    private final HttpServer server;
    private final ExecutorService workers;

    public HttpEndpoint(String bind, int port, HealthCheck health, WatchfloorMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "watchfloor-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/health", ex -> {
            if (notGet(ex)) {
                return;
            }
            Health h;
            try {
                h = health.check();
            } catch (RuntimeException e) {
                h = new Health("degraded", List.of("health check failed: " + e.getMessage()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", h.status());
            body.put("reasons", h.reasons());
            respond(ex, h.ok() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
        });
        server.createContext("/metrics", ex -> {
            if (notGet(ex)) {
                return;
            }
            respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
        });
        server.createContext("/", ex -> respond(ex, 404, "text/plain", "not found: try /health or /metrics\n"));
    }

    /** Serves {@code site} (the situation board) on every path but /health and /metrics, on the same address. */
    public void mount(HttpHandler site) {
        server.removeContext("/");
        server.createContext("/", site);
    }

    public void start() {
        server.start();
        LOG.info("health and metrics on http://{}:{}/health and /metrics, the board at /",
                server.getAddress().getHostString(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean notGet(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
            respond(ex, 405, "text/plain", "GET only\n");
            return true;
        }
        return false;
    }

    private static void respond(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }
}
