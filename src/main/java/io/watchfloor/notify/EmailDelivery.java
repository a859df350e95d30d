package io.watchfloor.notify;

import io.watchfloor.model.Alert;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.OutboxStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: renders each due message from the alerts as they are now, hands it to the mailer,
 * and records success before anything else. A failure is retried with exponential backoff; nothing is dropped.
 */
public final class EmailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDelivery.class);

    /** How long a claimed message is left to the node that claimed it before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxStore outbox;
    private final AlertStore alerts;
    private final MessageRenderer renderer;
    private final MessageBuilder builder;
    private final Mailer mailer;
    private final DigestComposer digests;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Clock clock;

    public EmailDelivery(OutboxStore outbox, AlertStore alerts, MessageRenderer renderer, MessageBuilder builder,
                         Mailer mailer, DigestComposer digests, Duration retryInitial, Duration retryMax,
                         Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.renderer = renderer;
        this.builder = builder;
        this.mailer = mailer;
        this.digests = digests;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.clock = clock;
    }

    /** Sends every due message; returns how many were accepted. */
    public int deliverDue() {
        return deliverDueBy(clock.instant());
    }

    /** Sends everything due by {@code when}: {@code run --once} does not wait out the group wait. */
    public synchronized int deliverDueBy(Instant when) {
        int sent = 0;
        // Claimed, not just read: with several nodes on one store each message goes out from one of them.
        for (OutboxStore.Pending p : outbox.claimDue(when, 200, clock.instant().plus(LEASE))) {
            if (deliver(p)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(OutboxStore.Pending p) {
        Rendered r;
        String messageId;
        List<Alert> carried = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (OutboxStore.DIGEST.equals(p.kind())) {
            r = digests.render(p.recipient(), p.groupKey());
            messageId = "<digest-" + p.groupKey() + "-" + p.id() + "@watchfloor>";
        } else {
            for (String id : outbox.alertIds(p.id())) {
                alerts.find(id).ifPresent(carried::add);
            }
            // The most severe first: it names the message and its Message-ID.
            carried.sort(java.util.Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::id));
            if (carried.isEmpty()) {
                outbox.markSent(p.id(), null, "(nothing left to send)", clock.instant());
                return false;
            }
            r = renderAlerts(p.recipient(), carried);
            // Derived from the alert id: a rare repeat after a crash is recognisable by any mail client.
            messageId = "<alert-" + carried.get(0).id() + "-" + p.id() + "@watchfloor>";
            headers.put("X-Watchfloor-Alerts", String.join(" ", carried.stream().map(Alert::id).toList()));
        }
        try {
            MimeMessage m = builder.build(p.recipient(), messageId, r, headers);
            mailer.send(m);
        } catch (MessagingException | RuntimeException e) {
            int attempts = p.attempts() + 1;
            Duration wait = backoff(attempts);
            outbox.markFailed(p.id(), attempts, rootMessage(e), clock.instant().plus(wait));
            LOG.warn("email to {} not sent (attempt {}), retrying in {}: {}", p.recipient(), attempts, wait,
                    rootMessage(e));
            return false;
        }
        Instant now = clock.instant();
        outbox.markSent(p.id(), messageId, r.subject(), now);
        for (Alert a : carried) {
            outbox.recordDelivery(a.id(), p.recipient(), a.severity().name(), a.sources(), now);
        }
        LOG.info("email to {} via {}: {}", p.recipient(), mailer.describe(), r.subject());
        return true;
    }

    Rendered renderAlerts(String recipient, List<Alert> carried) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Alert a : carried) {
            boolean updated = outbox.lastDelivery(a.id(), recipient).isPresent();
            List<Alert> history = alerts.history(a.actors(), a.eventDate().minusDays(30), a.eventDate());
            views.add(AlertViews.alert(a, updated, history));
        }
        // The most severe first: it names the message.
        views.sort((x, y) -> severityRank(y) - severityRank(x));
        Map<String, Object> model = new HashMap<>(views.get(0));
        model.put("alerts", views);
        model.put("more", views.size() > 1 ? views.size() - 1 : null);
        model.put("recipient", recipient);
        return renderer.render("alert", model, Map.of());
    }

    private static int severityRank(Map<String, Object> v) {
        return switch ((String) v.get("severity")) {
            case "CRITICAL" -> 2;
            case "WARNING" -> 1;
            default -> 0;
        };
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration d = retryInitial.multipliedBy(factor);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }
}
