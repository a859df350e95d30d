package io.watchfloor.board;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request's path, query, form fields and cookies, read once. */
record WebRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                  Map<String, String> cookies) {
    /** Larger form bodies are refused: the board's forms hold a few short fields. */
    static final int MAX_FORM = 64 * 1024;

    static WebRequest read(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        Map<String, String> form = Map.of();
        if ("POST".equals(method)) {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_FORM + 1);
                if (body.length > MAX_FORM) {
                    throw new IllegalArgumentException("form too large");
                }
                form = fields(new String(body, StandardCharsets.UTF_8));
            }
        }
        return new WebRequest(method, ex.getRequestURI().getRawPath(), fields(ex.getRequestURI().getRawQuery()),
                form, cookies(ex.getRequestHeaders().get("Cookie")));
    }

    String param(String name) {
        return Optional.ofNullable(form.get(name)).orElse(query.get(name));
    }

    private static Map<String, String> fields(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> cookies(List<String> headers) {
        Map<String, String> out = new HashMap<>();
        if (headers == null) {
            return out;
        }
        for (String h : headers) {
            for (String c : h.split(";")) {
                int eq = c.indexOf('=');
                if (eq > 0) {
                    out.putIfAbsent(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
