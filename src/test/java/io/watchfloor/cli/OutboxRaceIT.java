package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.notify.RecordingSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox race, with no crash at all: with no group wait the first alert of an article is being sent while the
 * article's other alerts are queued; each of them must still reach the officer, in that message or the next.
 */
class OutboxRaceIT {
    private static final Pattern ALERT_ID = Pattern.compile("\"kind\":\"alert\",\"id\":\"([0-9a-f]+)\"");

    @Test
    void everyAlertOfAnArticleIsMailedWhenTheFirstIsSentWhileTheOthersAreQueued(@TempDir Path dir) throws Exception {
        try (RecordingSmtpServer smtp = new RecordingSmtpServer()) {
            Path inbox = Files.createDirectory(dir.resolve("inbox"));
            Path cfg = dir.resolve("watchfloor.yaml");
            Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\n"
                    + "sources:\n  scanInterval: 1h\n  folders: [" + inbox + "]\n"
                    + "email:\n  smtp: {host: 127.0.0.1, port: " + smtp.port() + ", security: none}\n"
                    + "  groupWait: 0s\n  defaultRecipient: duty@example.org\n"
                    + "http:\n  port: 0\n");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
            try {
                Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
                Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), inbox.resolve("000_89c3de90ed6096f9.txt"));
                Path jsonl = dir.resolve("var/alerts.jsonl");
                // The seed's strike, retaliation and visit raise several alerts at once: the race needs more than one.
                Daemons.waitFor(() -> alertIds(jsonl).size() >= 3, p, err);
                Set<String> announced = settled(jsonl);
                assertThat(announced).as("the seed raises several alerts").hasSizeGreaterThanOrEqualTo(3);

                // Each arrives within a second or two; the bound only keeps a failing run short.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!mailed(smtp).containsAll(announced) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(mailed(smtp)).as("alerts mailed (%d messages); log:%n%s", smtp.received().size(),
                        Files.readString(err)).containsAll(announced);
                assertThat(smtp.received()).as("each alert in one message")
                        .flatExtracting(RecordingSmtpServer.Received::alertIds).doesNotHaveDuplicates();
            } finally {
                p.destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static Set<String> alertIds(Path jsonl) throws Exception {
        Set<String> ids = new TreeSet<>();
        if (Files.exists(jsonl)) {
            Matcher m = ALERT_ID.matcher(Files.readString(jsonl));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The alerts on record once none has joined for a second: the article's alerts are announced together. */
    private static Set<String> settled(Path jsonl) throws Exception {
        Set<String> before = alertIds(jsonl);
        for (int second = 0; second < 30; second++) {
            Thread.sleep(1000);
            Set<String> now = alertIds(jsonl);
            if (now.equals(before)) {
                break;
            }
            before = now;
        }
        return before;
    }

    private static Set<String> mailed(RecordingSmtpServer smtp) {
        Set<String> ids = new TreeSet<>();
        smtp.received().forEach(r -> ids.addAll(r.alertIds()));
        return ids;
    }
}
