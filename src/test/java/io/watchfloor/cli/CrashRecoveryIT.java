package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 between committing an alert and sending it: after a restart the mail arrives, once. */
class CrashRecoveryIT {
    @Test
    void alertsCommittedBeforeAKillAreMailedAfterTheRestart(@TempDir Path dir) throws Exception {
        int port = Daemons.freeLoopbackPort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            Path inbox = Files.createDirectory(dir.resolve("inbox"));
            Path cfg = dir.resolve("watchfloor.yaml");
            // A long group wait keeps the message queued when the daemon is killed.
            Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  scanInterval: 1s\n  folders: ["
                    + inbox + "]\nemail:\n  smtp: {host: 127.0.0.1, port: " + port + ", security: none}\n"
                    + "  groupWait: 1h\n  deliveryInterval: 1s\n  defaultRecipient: duty@example.org\nhttp:\n  port: 0\n");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
            try {
                Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
                try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
                    for (Path s : seeds.sorted().toList()) {
                        Files.copy(s, inbox.resolve(s.getFileName()));
                    }
                }
                Path alerts = dir.resolve("var/alerts.jsonl");
                Daemons.waitFor(() -> Files.exists(alerts) && Files.readString(alerts).contains("\"rule\":\"tit-for-tat\"")
                        && Files.readString(alerts).contains("\"sources\":2"), p, err);
            } finally {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(mail.getReceivedMessages()).as("nothing was sent before the kill").isEmpty();

            Process again = new ProcessBuilder(Daemons.command("run", "--once", "--config", cfg.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("again.txt").toFile()).start();
            assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(Files.readString(dir.resolve("again.txt"))).isZero();
            MimeMessage[] got = mail.getReceivedMessages();
            assertThat(got).hasSize(1);
            assertThat(got[0].getSubject()).startsWith("[WARNING] DEESCALATION IRN-PAK: ");

            Process third = new ProcessBuilder(Daemons.command("run", "--once", "--config", cfg.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("third.txt").toFile()).start();
            assertThat(third.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(mail.getReceivedMessages()).as("sent once, not again").hasSize(1);
        } finally {
            mail.stop();
        }
    }

}
