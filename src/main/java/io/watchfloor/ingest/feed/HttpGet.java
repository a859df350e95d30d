package io.watchfloor.ingest.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 GET on a connection of its own ({@code Connection: close}): the request, then the status, the
 * headers and, for a 2xx answer, the body (by Content-Length, chunked, or up to the end of the connection), counted
 * against the size cap while it arrives, all within one deadline. Bodies of other answers are not read.
 */
final class HttpGet {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    /** A response: status, headers (names in any case) and the body of a 2xx answer (else empty). */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    private HttpGet() { }

    /** Sends GET {@code uri} with {@code headers} (values with line breaks are left out) and reads the answer. */
    static Response send(Socket socket, URI uri, Map<String, String> headers, long maxBytes, long deadlineNanos)
            throws IOException {
        StringBuilder req = new StringBuilder("GET ");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        req.append(path).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(uri.getHost()).append(uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                .append("\r\n");
        headers.forEach((k, v) -> {
            if (v != null && v.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                req.append(k).append(": ").append(v).append("\r\n");
            }
        });
        req.append("Connection: close\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        InputStream in = new BufferedInputStream(new Deadline(socket, deadlineNanos));
        int status;
        Map<String, List<String>> head;
        do {
            status = statusOf(line(in));
            head = headers(in);
        } while (status >= 100 && status < 200 && status != 101);   // interim answers (103 Early Hints)
        if (status < 200 || status > 299) {
            return new Response(status, head, new byte[0]);
        }
        return new Response(status, head, body(in, head, maxBytes));
    }

    private static int statusOf(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + line.substring(0, Math.min(line.length(), 80)));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status: " + parts[1]);
        }
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String name = null;
        int size = 0;
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            size += l.length();
            if (size > MAX_HEAD) {
                throw new IOException("response headers larger than " + MAX_HEAD + " bytes");
            }
            if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && name != null) {
                List<String> values = out.get(name);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + l.strip());
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue; // not a header: ignored, as browsers do
            }
            name = l.substring(0, colon).strip();
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(l.substring(colon + 1).strip());
        }
        return out;
    }

    private static byte[] body(InputStream in, Map<String, List<String>> head, long max) throws IOException {
        List<String> te = head.getOrDefault("Transfer-Encoding", List.of());
        if (!te.isEmpty() && te.get(te.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
            return chunked(in, max);
        }
        List<String> cl = head.getOrDefault("Content-Length", List.of());
        if (cl.stream().distinct().count() > 1) {
            throw new IOException("conflicting Content-Length headers");
        }
        if (!cl.isEmpty()) {
            long length;
            try {
                length = Long.parseLong(cl.get(0));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + cl.get(0));
            }
            if (length > max) {
                throw new FeedFetcher.TooLargeException("feed too large: Content-Length " + length + " bytes, limit "
                        + max + " (maxBytes)");
            }
            byte[] b = in.readNBytes((int) length);
            if (b.length < length) {
                throw new IOException("connection closed after " + b.length + " of " + length + " bytes");
            }
            return b;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        copy(in, buf, Long.MAX_VALUE, max);
        return buf.toByteArray();
    }

    private static byte[] chunked(InputStream in, long max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size == 0) {
                headers(in); // trailers
                return buf.toByteArray();
            }
            if (copy(in, buf, size, max) < size) {
                throw new IOException("connection closed inside a chunk");
            }
            line(in);
        }
    }

    /** Copies up to {@code n} bytes (or to the end), failing once the whole body passes {@code max}. */
    private static long copy(InputStream in, ByteArrayOutputStream out, long n, long max) throws IOException {
        byte[] b = new byte[16384];
        long copied = 0;
        while (copied < n) {
            int r = in.read(b, 0, (int) Math.min(b.length, n - copied));
            if (r < 0) {
                break;
            }
            if (out.size() + (long) r > max) {
                throw new FeedFetcher.TooLargeException("feed too large: more than " + max + " bytes (maxBytes)");
            }
            out.write(b, 0, r);
            copied += r;
        }
        return copied;
    }

    /** A line up to CRLF (or LF), without it; ISO-8859-1 as HTTP/1.1 heads are. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed before the end of the response head");
            }
            if (b.size() >= MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Reads from the socket with whatever time is left before the deadline, and no longer. */
    private static final class Deadline extends FilterInputStream {
        private final Socket socket;
        private final long deadlineNanos;

        Deadline(Socket socket, long deadlineNanos) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw new GuardedConnector.DeadlineException();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw new GuardedConnector.DeadlineException();
            }
        }
    }
}
