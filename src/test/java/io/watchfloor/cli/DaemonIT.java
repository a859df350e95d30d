package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.watchfloor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a process: Quartz rescans the folder, a dropped article raises alerts, SIGTERM stops it cleanly. */
class DaemonIT {
    @Test
    void picksUpDroppedArticlesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  scanInterval: 1s\n  folders: ["
                + inbox + "]\nhttp:\n  port: 0\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
                for (Path s : seeds.toList()) {
                    Files.copy(s, inbox.resolve(s.getFileName()));
                }
            }
            Path alerts = dir.resolve("var/alerts.jsonl");
            Daemons.waitFor(() -> Files.exists(alerts) && Files.readString(alerts).contains("\"sources\":2"), p, err);
            List<String> lines = Files.readAllLines(alerts);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"rule\":\"tit-for-tat\""));

            // Health and metrics over HTTP, on the port the daemon logged.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/health")
                    .matcher(Files.readString(err));
            assertThat(m.find()).as(Files.readString(err)).isTrue();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + m.group(1);
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"reasons\":[]}");
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("watchfloor_articles_ingested_total 2.0")
                    .contains("watchfloor_alerts_total{severity=\"WARNING\"}");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        }
        assertThat(p.exitValue()).isIn(0, 143);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("stopping").contains("stopped");
    }

    @Test
    void reloadsRulesOnSighupAndKeepsTheLastGoodOnesWhenBroken(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nrules:\n  watch: false\nsources:\n  scanInterval: 1s\n  folders: ["
                + Files.createDirectory(dir.resolve("in")) + "]\nhttp:\n  port: 0\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            assertThat(Files.readString(err)).as("this test sends SIGHUP, which the daemon says it ignores: are the"
                    + " tests running under nohup?").doesNotContain("SIGHUP is ignored");
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
            Daemons.waitFor(() -> Files.readString(err).contains("rules reloaded: 9 rules"), p, err);

            Files.writeString(rules.resolve("extra.drl"), "package watchfloor;\nrule \"broken\" when then\n");
            hangUp(p);
            Daemons.waitFor(() -> Files.readString(err).contains("rules not reloaded"), p, err);
            assertThat(Files.readString(err)).contains(rules.resolve("extra.drl") + ":");
            assertThat(p.isAlive()).as("a broken rule file does not stop the daemon").isTrue();

            // SIGHUP also re-reads the config: email settings apply at once, other changes ask for a restart.
            Path inbox = dir.resolve("in");
            String good = Files.readString(cfg)
                    + "email:\n  defaultRecipient: second-shift@example.org\n  groupWait: 1s\n";
            Files.writeString(cfg, good.replace("watch: false", "watch: false\n  freshnessDays: 5"));
            hangUp(p);
            Daemons.waitFor(() -> Files.readString(err).contains("config reloaded: email settings applied"), p, err);
            assertThat(Files.readString(err)).contains("config: 'rules' changed; restart watchfloor to apply it");
            Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), inbox.resolve("000_89c3de90ed6096f9.txt"));
            Path outbox = dir.resolve("var/outbox");
            Daemons.waitFor(() -> Files.isDirectory(outbox) && Files.list(outbox).anyMatch(f -> f.toString()
                    .endsWith(".eml")), p, err);
            try (Stream<Path> eml = Files.list(outbox)) {
                Path first = eml.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
                assertThat(Files.readString(first)).contains("To: second-shift@example.org");
            }

            // A config with an error is refused; the daemon goes on with the one it has.
            Files.writeString(cfg, good + "rules:\n  retentionDays: soon\n");
            hangUp(p);
            Daemons.waitFor(() -> Files.readString(err).contains("config not reloaded, the running configuration stays"),
                    p, err);
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void saysSoWhenStartedWithSighupIgnored(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrules:\n  watch: false\nsources:\n  folders: ["
                + Files.createDirectory(dir.resolve("in")) + "]\nhttp:\n  port: 0\n");
        Path err = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of("nohup")); // starts the daemon with SIGHUP ignored
        command.addAll(Daemons.command("run", "--config", cfg.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile()).start();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            assertThat(Files.readString(err)).contains("SIGHUP is ignored in this process (started under nohup?):"
                    + " 'kill -HUP' and 'systemctl reload' will not reload the configuration or the rules;");
            hangUp(p);
            Thread.sleep(1_000);
            assertThat(p.isAlive()).as("an ignored SIGHUP leaves the daemon running").isTrue();
            assertThat(Files.readString(err)).doesNotContain("SIGHUP: reloading");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        }
    }

    private static void hangUp(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

}
