package io.watchfloor.health;

import io.watchfloor.notify.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Counts deliveries and failures around any mailer. */
public final class MeteredMailer implements Mailer {
    private final Mailer inner;
    private final WatchfloorMetrics metrics;

    public MeteredMailer(Mailer inner, WatchfloorMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try {
            inner.send(message);
            metrics.delivery(true);
        } catch (MessagingException | RuntimeException e) {
            metrics.delivery(false);
            throw e;
        }
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
