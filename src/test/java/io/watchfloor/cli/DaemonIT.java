package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a process: Quartz rescans the folder, a dropped article raises alerts, SIGTERM stops it cleanly. */
class DaemonIT {
    private static final Path JAR = Path.of(System.getProperty("watchfloor.jar", "target/watchfloor.jar"));

    @Test
    void picksUpDroppedArticlesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  scanInterval: 1s\n  folders: ["
                + inbox + "]\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "run", "--config", cfg.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
                for (Path s : seeds.toList()) {
                    Files.copy(s, inbox.resolve(s.getFileName()));
                }
            }
            Path alerts = dir.resolve("var/alerts.jsonl");
            waitFor(() -> Files.exists(alerts) && Files.readString(alerts).contains("\"sources\":2"), p, err);
            List<String> lines = Files.readAllLines(alerts);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"rule\":\"tit-for-tat\""));
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        }
        assertThat(p.exitValue()).isIn(0, 143);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("stopping").contains("stopped");
    }

    @Test
    void reloadsRulesOnSighupAndKeepsTheLastGoodOnesWhenBroken(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(f.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nrules:\n  watch: false\nsources:\n  folders: [" + Files.createDirectory(dir.resolve("in"))
                + "]\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "run", "--config", cfg.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            Files.writeString(rules.resolve("extra.drl"), """
                    package watchfloor;
                    import io.watchfloor.rules.SignalFact;
                    global io.watchfloor.rules.AlertSink alerts;
                    rule "any-threat"
                    when
                        $s : SignalFact( type == "THREAT" )
                    then
                        alerts.raise(drools).severity("WARNING").type("THREAT");
                    end
                    """);
            hangUp(p);
            waitFor(() -> Files.readString(err).contains("rules reloaded: 9 rules"), p, err);

            Files.writeString(rules.resolve("extra.drl"), "package watchfloor;\nrule \"broken\" when then\n");
            hangUp(p);
            waitFor(() -> Files.readString(err).contains("rules not reloaded"), p, err);
            assertThat(Files.readString(err)).contains(rules.resolve("extra.drl") + ":");
            assertThat(p.isAlive()).as("a broken rule file does not stop the daemon").isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void hangUp(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Process p, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.ok()) {
            assertThat(p.isAlive()).as("daemon died: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("timed out: %s", Files.readString(err)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
