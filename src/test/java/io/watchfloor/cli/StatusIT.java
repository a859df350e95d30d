package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import io.watchfloor.ingest.feed.LoopbackFeedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watchfloor status} as its own process, as an operator runs it: the whole report with 184 feeds, with a
 * daemon running (exit 0 while healthy, 1 while degraded) and after it stopped (exit 0: the
 * report is whole; 1 before it ever ran).
 */
class StatusIT {
    private static final int FEEDS = 184;
    private static final String EMPTY_RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>http://127.0.0.1/</link><description>d</description></channel></rss>";

    private static PackagedJarIT.Result status(Path cfg) throws Exception {
        return PackagedJarIT.java("status", "--config", cfg.toString());
    }

    /** Every part of the report is there, each feed once, and the health line ends it. */
    private static void assertWhole(String out) {
        assertThat(out).startsWith("config:   ").contains("\nrules:    ").contains("\narticles: ")
                .contains("\nalerts:   ").endsWith("\n");
        for (int i = 0; i < FEEDS; i++) {
            String name = "feed-%03d".formatted(i);
            assertThat(out.lines().filter(l -> l.startsWith("  " + name + " "))).as(name).hasSize(1);
        }
        assertThat(out).doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d");
    }

    @Test
    void statusIsWholeWithAndWithoutADaemonAndItsExitSaysHowTheDaemonIs(@TempDir Path dir) throws Exception {
        try (LoopbackFeedServer server = new LoopbackFeedServer()) {
            Path rules = TestFiles.copy("rules", dir);
            StringBuilder yaml = new StringBuilder("dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                    + "\nrules:\n  watch: true\nhttp:\n  port: 0\nsources:\n  folders: []\n  feeds:\n");
            for (int i = 0; i < FEEDS; i++) {
                String path = "/feed-%03d.xml".formatted(i);
                server.serve(path, EMPTY_RSS);
                yaml.append("    - {url: '").append(server.url(path)).append("', name: feed-%03d, interval: 1h}\n"
                        .formatted(i));
            }
            Path cfg = dir.resolve("watchfloor.yaml");
            Files.writeString(cfg, yaml);

            PackagedJarIT.Result never = status(cfg);
            assertThat(never.exit()).as(never.err()).isEqualTo(Main.CHECK_FAILED);
            assertThat(never.out()).contains("daemon:   never run").endsWith("health:   not running\n");

            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
            Path snapshot = dir.resolve("var/status.txt");
            try {
                Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
                Daemons.waitFor(() -> Files.exists(snapshot) && !Files.readString(snapshot).contains("never polled"),
                        p, err);
                PackagedJarIT.Result running = status(cfg);
                assertThat(running.exit()).as(running.out() + running.err()).isZero();
                assertWhole(running.out());
                assertThat(running.out()).containsPattern("daemon:   running \\(pid \\d+, started \\d{4}-\\S+Z\\)")
                        .endsWith("health:   ok\n");

                // A rule change that does not compile: refused, the daemon degraded, status says so and exits 1.
                Files.writeString(rules.resolve("broken.drl"), "package watchfloor;\nrule \"broken\"\nwhen\n");
                Daemons.waitFor(() -> status(cfg).exit() == Main.CHECK_FAILED, p, err);
                PackagedJarIT.Result degraded = status(cfg);
                assertWhole(degraded.out());
                assertThat(degraded.out()).contains("health:   DEGRADED").contains("broken.drl");
            } finally {
                p.destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            PackagedJarIT.Result stopped = status(cfg);
            assertThat(stopped.exit()).as(stopped.err()).isZero();
            assertWhole(stopped.out());
            assertThat(stopped.out()).containsPattern("daemon:   not running \\(last started \\d{4}-\\S+Z, stopped ")
                    .endsWith("health:   not running\n");
            List<String> lines = stopped.out().lines().toList();
            assertThat(lines.get(lines.size() - 2)).startsWith("alerts:   0 on record");
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("Exception");
        }
    }
}
