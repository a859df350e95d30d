package io.watchfloor.health;

import io.watchfloor.notify.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Counts deliveries and failures around any mailer, and tells health how sends go. */
public final class MeteredMailer implements Mailer {
    private final Mailer inner;
    private final WatchfloorMetrics metrics;
    private final DeliveryWatch watch;
    private final PipelineProgress progress;

    public MeteredMailer(Mailer inner, WatchfloorMetrics metrics, DeliveryWatch watch, PipelineProgress progress) {
        this.inner = inner;
        this.metrics = metrics;
        this.watch = watch;
        this.progress = progress;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try {
            inner.send(message);
            metrics.delivery(true);
            watch.succeeded();
        } catch (MessagingException | RuntimeException e) {
            metrics.delivery(false);
            watch.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage().lines().findFirst().orElse("")));
            throw e;
        } finally {
            progress.advanced(PipelineProgress.Kind.EMAIL);
        }
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
