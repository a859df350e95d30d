package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchfloor.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM in the middle of a pass: a clean exit, and after a restart nothing is lost and nothing doubled. */
class GracefulStopIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path config(Path dir, String name, Path inbox) throws Exception {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve(name) + "\nsources:\n  scanInterval: 1s\n  folders: [" + inbox
                + "]\nhttp:\n  port: 0\n");
        return cfg;
    }

    /** The last line of each alert in the JSON Lines file: id to "rule severity sources". */
    private static Map<String, String> alerts(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String l : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(l);
            if (n.path("kind").asText().equals("alert")) {
                out.put(n.path("id").asText(), n.path("rule").asText() + " " + n.path("severity").asText() + " "
                        + n.path("sources").asInt());
            }
        }
        return out;
    }

    private static int once(Path cfg, Path out) throws Exception {
        Process p = new ProcessBuilder(Daemons.command("run", "--once", "--config", cfg.toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void sigtermMidPassExitsCleanlyAndARestartFinishesTheWorkOnce(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path corpus = TestFiles.copy("src/test/resources/corpus", dir.resolve("copy"));
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        // The reference: one uninterrupted pass.
        Path clean = config(dir, "clean", inbox);
        assertThat(once(clean, dir.resolve("clean.txt"))).isZero();
        Map<String, String> expected = alerts(dir.resolve("clean/alerts.jsonl"));
        assertThat(expected).hasSizeGreaterThan(20);

        Path cfg = config(dir, "daemon", inbox);
        Path err = dir.resolve("daemon.log");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString())).redirectErrorStream(true)
                .redirectOutput(err.toFile()).start();
        Path jsonl = dir.resolve("daemon/alerts.jsonl");
        Daemons.waitFor(() -> Files.exists(jsonl) && Files.size(jsonl) > 0, p, err);
        p.destroy(); // SIGTERM while the first pass is still going through the articles
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped in time").isTrue();
        assertThat(p.exitValue()).isIn(0, 143);
        assertThat(Files.readString(err)).contains("stopping: waiting for running work to finish").contains("stopped");

        assertThat(once(cfg, dir.resolve("restart.txt"))).as(Files.readString(dir.resolve("restart.txt"))).isZero();
        assertThat(alerts(jsonl)).isEqualTo(expected);
        assertThat(Files.readString(dir.resolve("restart.txt"))).containsPattern("\\d+ new articles? of \\d+ scanned");
    }
}
