package io.watchfloor.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real SMTP server on loopback that records every message it accepts, repeats included, in order: the tests about
 * delivery count what reached the server, not what the daemon believes it sent. A hook runs between the end of a
 * message's data and the server's "250" reply, so a test can kill the sender exactly between the server's acceptance
 * and the sender's record of it.
 */
public final class RecordingSmtpServer implements AutoCloseable {
    /** One message as the server accepted it. */
    public record Received(Instant at, List<String> recipients, String messageId, String subject,
                           List<String> alertIds, byte[] raw) {
        /** The message as a mail client would read it. */
        public MimeMessage parsed() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final ServerSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Consumer<Received> beforeReply = r -> { };
    private final Thread acceptor;

    public RecordingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "recording-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Runs after a message is recorded and before "250" is said for it. */
    public void beforeReply(Consumer<Received> hook) {
        this.beforeReply = hook;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "recording-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            s.setSoTimeout(60_000);
            reply(out, "220 localhost recording SMTP");
            List<String> to = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 localhost");
                    case "MAIL" -> {
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        Received r = record(readData(in), to);
                        received.add(r);
                        beforeReply.accept(r);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK"); // RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away (killed, as some tests do)
        } finally {
            open.remove(s);
        }
    }

    private static Received record(byte[] raw, List<String> to) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            String[] alerts = m.getHeader("X-Watchfloor-Alerts");
            List<String> ids = alerts == null ? List.of()
                    : Arrays.stream(MimeUtility.unfold(alerts[0]).trim().split("\\s+")).toList();
            return new Received(Instant.now(), List.copyOf(to), m.getMessageID(), m.getSubject(), ids, raw);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message: " + new String(raw, StandardCharsets.UTF_8), e);
        }
    }

    /** The message up to the lone dot, dots unstuffed, lines ending in CRLF. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            data.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
            data.writeBytes(new byte[] {'\r', '\n'});
        }
        return data.toByteArray();
    }

    /** A line without its CRLF, bytes kept as they are (ISO-8859-1); null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
