package io.watchfloor.ingest.feed;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server (the JDK's) on 127.0.0.1 with an ephemeral port, for feed tests: static feeds with ETag and
 * Last-Modified validators (304 when they match), optional gzip, and custom handlers for misbehaving servers. Counts
 * requests per path and keeps the last request headers.
 */
public final class LoopbackFeedServer implements AutoCloseable {
    public static final String LAST_MODIFIED = "Thu, 18 Jan 2024 16:40:12 GMT";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-feed-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    public LoopbackFeedServer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address (127.0.0.2 ...), for tests of where a feed may connect. */
    public LoopbackFeedServer(InetAddress bind) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, 0), 512);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            lastHeaders.put(path, ex.getRequestHeaders());
            HttpHandler h = handlers.get(path);
            try (ex) {
                if (h == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    h.handle(ex);
                }
            } catch (IOException | RuntimeException e) {
                // client went away (timeouts, size caps): nothing to do
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public Headers lastHeaders(String path) {
        return lastHeaders.get(path);
    }

    public LoopbackFeedServer handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** A static feed with ETag (its hash) and Last-Modified; 304 when the request's validators match. */
    public LoopbackFeedServer serve(String path, byte[] body, String contentType, boolean gzip) {
        String etag = "\"" + HexFormat.of().formatHex(sha(body), 0, 8) + "\"";
        return handle(path, ex -> {
            Headers req = ex.getRequestHeaders();
            String inm = req.getFirst("If-None-Match");
            String ims = req.getFirst("If-Modified-Since");
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (etag.equals(inm) || (inm == null && LAST_MODIFIED.equals(ims))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", contentType);
            byte[] out = body;
            String ae = req.getFirst("Accept-Encoding");
            if (gzip && ae != null && ae.contains("gzip")) {
                out = gzip(body);
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
        });
    }

    public LoopbackFeedServer serve(String path, String xml) {
        return serve(path, xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8", false);
    }

    /** Answers with a status and headers only. */
    public LoopbackFeedServer status(String path, int status, Map<String, String> headers) {
        return handle(path, ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(status, -1);
        });
    }

    /** Answers in turn with each handler, the last one for ever after. */
    public LoopbackFeedServer sequence(String path, List<HttpHandler> steps) {
        AtomicInteger n = new AtomicInteger();
        return handle(path, ex -> steps.get(Math.min(n.getAndIncrement(), steps.size() - 1)).handle(ex));
    }

    public static HttpHandler statusOnly(int status) {
        return ex -> ex.sendResponseHeaders(status, -1);
    }

    public static byte[] gzip(byte[] body) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(bo)) {
                gz.write(body);
            }
            return bo.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
