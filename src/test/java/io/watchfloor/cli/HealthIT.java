package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a process, with a rule that never returns on the first seed and no SMTP server listening: the
 * first seed is set aside and the second goes on, /health says degraded with both reasons, status lists the
 * set-aside article, and removing the rule retries it.
 */
class HealthIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSpinningRuleAndAnSmtpOutageAreToldByHealthAndStatus(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.copy("rules", dir);
        Files.copy(Path.of("src/test/resources/guarded-rules/spin-pledge.drl"), rules.resolve("spin-pledge.drl"));
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nrules:\n  evaluationTimeout: 5s\nsources:\n  scanInterval: 1s\n  folders: [" + inbox + "]\n"
                + "email:\n  smtp: {host: 127.0.0.1, port: " + Daemons.freeLoopbackPort() + ", security: none}\n"
                + "  groupWait: 0s\n  deliveryInterval: 1s\n  retryInitial: 1s\nhttp:\n  port: 0\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/health").matcher(Files.readString(err));
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);

            Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), inbox.resolve("000_89c3de90ed6096f9.txt"));
            Daemons.waitFor(() -> Files.readString(err).contains("set aside, the next articles go on"), p, err);
            assertThat(Files.readString(err)).contains(rules.resolve("spin-pledge.drl") + ":6: rule \"spin-on-pledge\""
                    + " was still running after 5s");
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt.meta.yaml"),
                    inbox.resolve("002_333d6fb679bd7709.txt.meta.yaml"));
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt"), inbox.resolve("002_333d6fb679bd7709.txt"));
            Path alerts = dir.resolve("var/alerts.jsonl");
            Daemons.waitFor(() -> Files.exists(alerts) && Files.readString(alerts).contains("002_333d6fb679bd7709"),
                    p, err);

            Daemons.waitFor(() -> get(port, "/health").body().contains("email delivery failing"), p, err);
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("{\"status\":\"degraded\"")
                    .contains("1 article set aside by the rules (first: ")
                    .contains("000_89c3de90ed6096f9.txt");

            CliRunner status = CliRunner.run("status", "--config", cfg.toString());
            assertThat(status.exit()).as("degraded").isEqualTo(Main.CHECK_FAILED);
            assertThat(status.out()).contains("health:   DEGRADED")
                    .contains("set aside by the rules: 1 article (retried after the next rule change)")
                    .contains("000_89c3de90ed6096f9.txt");

            // The admin removes the rule: the reload retries the set-aside article.
            Files.delete(rules.resolve("spin-pledge.drl"));
            Daemons.waitFor(() -> Files.readString(err).contains("1 set-aside article evaluated with the new rules"),
                    p, err);
            assertThat(get(port, "/health").body()).doesNotContain("set aside");
            assertThat(get(port, "/metrics").body()).contains("watchfloor_rules_last_reload_successful 1.0")
                    .contains("watchfloor_articles_set_aside 0.0");
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
