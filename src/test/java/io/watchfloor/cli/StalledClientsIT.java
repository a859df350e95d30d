package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's HTTP endpoint against more stalled clients than it has workers: the request time limit the launcher
 * sets closes their connections, and /health answers again.
 */
class StalledClientsIT {
    @Test
    @Timeout(180)
    void moreHalfSentRequestsThanWorkersAreCutOffAndHealthAnswersAgain(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: ["
                + Files.createDirectory(dir.resolve("in")) + "]\nhttp:\n  port: 0\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        List<Socket> stalled = new ArrayList<>();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/health").matcher(Files.readString(err));
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            for (int i = 0; i < 12; i++) {   // more than the endpoint's 8 workers
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.setSoTimeout(60_000);
                stalled.add(s);
            }
            // The server closes every stalled connection (10 s limit; generous bound for a loaded machine).
            long start = System.nanoTime();
            for (Socket s : stalled) {
                assertThat(closedByServer(s)).as("stalled connection closed by the daemon").isTrue();
            }
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** True when the server ends the connection (end of stream or reset), false when it is still open after 60 s. */
    private static boolean closedByServer(Socket s) {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
