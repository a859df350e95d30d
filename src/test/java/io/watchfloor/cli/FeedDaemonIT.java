package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.ingest.feed.LoopbackFeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon polls feeds on its Quartz schedule: a feed answered slowly is never polled twice at once, its items are
 * processed once, and the live status shows each feed's health.
 */
class FeedDaemonIT {
    private static final Path JAR = Path.of(System.getProperty("watchfloor.jar", "target/watchfloor.jar"));

    @Test
    void pollsFeedsOnTheirScheduleWithoutOverlap(@TempDir Path dir) throws Exception {
        byte[] rss;
        try (var in = FeedDaemonIT.class.getResourceAsStream("/feeds/rss20.xml")) {
            rss = in.readAllBytes();
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (LoopbackFeedServer server = new LoopbackFeedServer()) {
            // Slower (1.5 s) than the poll interval (1 s): a poll must never start while the last one runs.
            server.handle("/slow.xml", ex -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(1500);
                    ex.sendResponseHeaders(200, rss.length);
                    ex.getResponseBody().write(rss);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            server.status("/down.xml", 503, java.util.Map.of("Retry-After", "3600"));
            Path cfg = dir.resolve("watchfloor.yaml");
            Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: []\n  feeds:\n"
                    + "    - {url: '" + server.url("/slow.xml") + "', name: slow, interval: 1s}\n"
                    + "    - {url: '" + server.url("/down.xml") + "', name: down, interval: 1s}\n");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JAR.toString(), "run", "--config", cfg.toString())
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
            Path snapshot = dir.resolve("var/status.txt");
            try {
                waitFor(() -> server.hits("/slow.xml") >= 4, p, err);
                waitFor(() -> Files.exists(snapshot) && polls(Files.readString(snapshot)) >= 3, p, err);
                String status = Files.readString(snapshot, StandardCharsets.UTF_8);
                assertThat(status).contains("new items: 5")
                        .containsPattern("down .*\\n.*health: FAILING \\(1 consecutive failure, backing off until");
                assertThat(server.hits("/down.xml")).as("Retry-After is respected").isEqualTo(1);
                assertThat(maxInFlight.get()).as("never two polls of one feed at once").isEqualTo(1);
            } finally {
                p.destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static int polls(String status) {
        Matcher m = Pattern.compile("polls: (\\d+) ").matcher(status);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Process p, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.ok()) {
            assertThat(p.isAlive()).as("daemon died: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("timed out; stderr: %s", Files.readString(err)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
