package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a watch officer sees: with an hourly folder scan and an hourly delivery tick, an article dropped into the
 * watched folder (or a subfolder made after the start) is still read at once, and its alert is emailed when its
 * group wait ends, not at the next tick.
 */
class PromptAlertIT {
    /** A generous bound: the daemon needs well under a second; only a missed event would take an hour. */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(20);

    @Test
    void droppedArticleIsReadAtOnceAndMailedWhenItsGroupWaitEnds(@TempDir Path dir) throws Exception {
        int smtpPort = Daemons.freeLoopbackPort();
        int httpPort = Daemons.freeLoopbackPort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\n"
                + "sources:\n  scanInterval: 1h\n  folders: [" + inbox + "]\n"
                + "email:\n  smtp: {host: 127.0.0.1, port: " + smtpPort + ", security: none}\n"
                + "  groupWait: 1s\n  deliveryInterval: 1h\n  defaultRecipient: duty@example.org\n"
                + "http:\n  port: " + httpPort + "\n");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            // The start's own scan (the schedule's first run) has been done (its timer exists once it has run): what
            // comes next is the watcher's doing.
            HttpClient http = HttpClient.newHttpClient();
            Daemons.waitFor(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("watchfloor_poll_seconds_count{kind=\"folder\"}"), p, err);

            Files.copy(Path.of("seeds/000_89c3de90ed6096f9.txt"), inbox.resolve("000_89c3de90ed6096f9.txt"));
            long dropped = System.nanoTime();
            Daemons.waitFor(() -> mail.getReceivedMessages().length >= 1, p, err);
            assertThat(System.nanoTime() - dropped).as("mailed long before the hourly scan and delivery: %s",
                    Files.readString(err)).isLessThan(BOUND_NANOS);
            assertThat(mail.getReceivedMessages()[0].getSubject()).contains("IRN-PAK");

            // A subfolder made after the start is watched too; the second seed brings new alerts.
            Path later = Files.createDirectory(inbox.resolve("later"));
            int before = mail.getReceivedMessages().length;
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt.meta.yaml"),
                    later.resolve("002_333d6fb679bd7709.txt.meta.yaml"));
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt"), later.resolve("002_333d6fb679bd7709.txt"));
            long droppedAgain = System.nanoTime();
            Daemons.waitFor(() -> mail.getReceivedMessages().length > before, p, err);
            assertThat(System.nanoTime() - droppedAgain).as(Files.readString(err)).isLessThan(BOUND_NANOS);
            assertThat(Files.readString(err)).contains("folder scan: 1 new articles of 2");
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            mail.stop();
        }
    }
}
