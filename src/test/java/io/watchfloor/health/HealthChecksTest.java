package io.watchfloor.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.ingest.feed.MutableClock;
import io.watchfloor.notify.MessageBuilder;
import io.watchfloor.notify.Rendered;
import io.watchfloor.notify.SmtpMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks behind /health, each with the real thing it watches: an SMTP server, a job thread, the disk. */
class HealthChecksTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    final PipelineProgress progress = new PipelineProgress(clock, Duration.ofMinutes(5), true);

    private static MimeMessage message(SmtpMailer mailer) throws MessagingException {
        return new MessageBuilder(mailer.session(), "watchfloor@example.org").build("duty@example.org",
                "<alert-health-1@watchfloor>", new Rendered("[CRITICAL] test", "plain", "<p>html</p>", Map.of()),
                Map.of());
    }

    @Test
    void smtpFailuresDegradeHealthForTheWindowEvenWithoutABacklog() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DeliveryWatch watch = new DeliveryWatch(clock, Duration.ofMinutes(5));
        MeteredMailer mailer = new MeteredMailer(new SmtpMailer(new EmailConfig.Smtp("127.0.0.1", port, "none", null,
                null, null, null, Duration.ofSeconds(10)), null), new WatchfloorMetrics(), watch, progress);
        SmtpMailer plain = new SmtpMailer(new EmailConfig.Smtp("127.0.0.1", port, "none", null, null, null, null,
                Duration.ofSeconds(10)), null);
        assertThat(watch.reasons()).isEmpty();

        // The SMTP server is down: one failed send is enough.
        try {
            mailer.send(message(plain));
        } catch (MessagingException expected) {
            // what the delivery job sees, and retries later
        }
        assertThat(watch.reasons()).singleElement().asString()
                .startsWith("email delivery failing: 1 send failed in the last 5m (last at 2026-01-10T08:00:00Z: ")
                .doesNotContain("succeeded since");

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            clock.advance(Duration.ofMinutes(1));
            mailer.send(message(plain));
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(watch.reasons()).singleElement().asString().endsWith("; a send has succeeded since");
            clock.advance(Duration.ofMinutes(5));
            assertThat(watch.reasons()).isEmpty();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aJobThatRunsWithoutProgressIsAStallAndAJobThatNeverStartsIsOverdue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Runnable scan = progress.job("folder-scan", PipelineProgress.Kind.ARTICLES, Duration.ofMinutes(1), () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        progress.job("email-delivery", PipelineProgress.Kind.EMAIL, Duration.ofSeconds(10), () -> { });
        Thread t = new Thread(scan, "test-folder-scan");
        t.start();
        running.await();
        clock.advance(Duration.ofMinutes(3));
        progress.advanced(PipelineProgress.Kind.ARTICLES);   // articles still finish: a long pass, not a stall
        progress.advanced(PipelineProgress.Kind.EMAIL);
        clock.advance(Duration.ofMinutes(3));
        assertThat(progress.reasons()).as("a long pass whose articles finish is no stall")
                .noneMatch(r -> r.contains("folder-scan"));

        clock.advance(Duration.ofMinutes(3));
        assertThat(progress.reasons()).containsExactly(
                "pipeline stalled: folder-scan has been running for 9m and no article has finished for 6m",
                "pipeline stalled: email-delivery has not run for 9m (due every 10s)");

        release.countDown();
        t.join();
        assertThat(progress.reasons()).containsExactly(
                "pipeline stalled: email-delivery has not run for 9m (due every 10s)");
    }

    @Test
    void aDataDiskBelowTheMinimumIsReported(@TempDir Path dir) {
        assertThat(new DiskSpace(dir, 1L << 20).reasons()).isEmpty();
        // A minimum no disk here has free: a real FileStore reports its real free space.
        assertThat(new DiskSpace(dir, 1L << 50).reasons()).singleElement().asString()
                .startsWith("data disk nearly full: ").contains(" free for " + dir.toAbsolutePath().normalize())
                .endsWith("(http.diskFreeMin 1024TB)");
    }

    @Test
    void everyCheckSpeaksAndABrokenCheckIsAReasonNotACrash() {
        HealthCheck h = new HealthCheck(List.of(() -> List.of(), () -> List.of("a"), () -> {
            throw new IllegalStateException("store closed");
        }));
        assertThat(h.check().status()).isEqualTo("degraded");
        assertThat(h.check().reasons()).containsExactly("a", "health check failed: store closed");
        assertThat(new HealthCheck(List.of()).check().ok()).isTrue();
    }
}
