package io.watchfloor.notify;

import io.watchfloor.model.Alert;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.OutboxStore;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, one message at a time: claims it (the first claim renders it from its alerts as they
 * are then and freezes it), hands it to the mailer, and records success before anything else. A failure is retried
 * with exponential backoff, with the same content and Message-ID; nothing is dropped.
 */
public final class EmailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDelivery.class);

    /** How long a claimed message is left to the node that claimed it before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** Messages one run sends at most; the next run goes on. */
    private static final int PER_RUN = 1000;

    /** Where messages are sent from and how failures are retried. */
    public record Sending(Mailer mailer, MessageBuilder builder, Duration retryInitial, Duration retryMax,
                          String node) { }

    private final OutboxStore outbox;
    private final AlertStore alerts;
    private final AlertMessages messages;
    private final DigestComposer digests;
    private final Sending sending;
    private final Clock clock;

    public EmailDelivery(OutboxStore outbox, AlertStore alerts, ArticleStore articles, MessageRenderer renderer,
                         DigestComposer digests, Sending sending, Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.messages = new AlertMessages(outbox, alerts, articles, renderer);
        this.digests = digests;
        this.sending = sending;
        this.clock = clock;
    }

    /** Sends every due message; returns how many were accepted. */
    public int deliverDue() {
        return deliverDueBy(clock.instant());
    }

    /** Sends everything due by {@code when}: {@code run --once} does not wait out the group wait. */
    public synchronized int deliverDueBy(Instant when) {
        int sent = 0;
        for (int i = 0; i < PER_RUN; i++) {
            Optional<OutboxStore.Claimed> next;
            try {
                // Claimed, not just read: with several nodes on one store each message goes out from one of them.
                next = outbox.claimNext(sending.node(), when, clock.instant().plus(LEASE), this::freeze);
            } catch (CannotRender e) {
                retryLater(e.message, e.getMessage());
                continue;
            }
            if (next.isEmpty()) {
                break;
            }
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Makes the messages this node had claimed when it died due again at once, for any node, rather than when their
     * lease ends; they go out with the content and Message-ID they were frozen with.
     */
    public int releaseClaims() {
        int n = outbox.releaseClaims(sending.node(), clock.instant());
        if (n > 0) {
            LOG.warn("{} message{} this node was sending when it stopped released: sent again (a repeat, if the"
                    + " server had accepted it, has the same Message-ID)", n, n == 1 ? "" : "s");
        }
        return n;
    }

    private boolean send(OutboxStore.Claimed c) {
        OutboxStore.Message m = c.message();
        try {
            sending.mailer().send(sending.builder().frozen(c.frozen().content()));
        } catch (MessagingException | RuntimeException e) {
            retryLater(m, rootMessage(e));
            return false;
        }
        outbox.markSent(c, clock.instant());
        LOG.info("email to {} via {}: {} {}", m.recipient(), sending.mailer().describe(), c.frozen().subject(),
                m.messageId());
        return true;
    }

    private void retryLater(OutboxStore.Message m, String error) {
        int attempts = outbox.markFailed(m.id(), error, n -> clock.instant().plus(backoff(n)));
        LOG.warn("email to {} not sent (attempt {}), retrying in {}: {}", m.recipient(), attempts,
                backoff(attempts), error);
    }

    /** The message's content, fixed now: its alerts as they are, rendered, under the Message-ID it was given. */
    private Optional<OutboxStore.Frozen> freeze(OutboxStore.Message m, List<String> alertIds) {
        try {
            Rendered r;
            List<OutboxStore.Carried> told = new ArrayList<>();
            Map<String, String> headers = new LinkedHashMap<>();
            if (OutboxStore.DIGEST.equals(m.kind())) {
                r = digests.render(m.recipient(), m.groupKey());
            } else {
                List<Alert> carried = new ArrayList<>();
                for (String id : alertIds) {
                    alerts.find(id).ifPresent(carried::add);
                }
                if (carried.isEmpty()) {
                    return Optional.empty();
                }
                // The most severe first: it names the message.
                carried.sort(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::id));
                AlertMessages.Composed composed = messages.compose(m.recipient(), carried);
                r = composed.rendered();
                headers.putAll(composed.headers());
                headers.put("X-Watchfloor-Alerts", String.join(" ", carried.stream().map(Alert::id).toList()));
                carried.forEach(a -> told.add(new OutboxStore.Carried(a.id(), a.severity().name(), a.sources())));
            }
            byte[] content = MessageBuilder.bytes(sending.builder().build(m.recipient(), m.messageId(), r, headers));
            return Optional.of(new OutboxStore.Frozen(content, r.subject(), told));
        } catch (MessagingException | RuntimeException e) {
            throw new CannotRender(m, rootMessage(e), e);
        }
    }

    /** A message that could not be rendered (a broken template, say): retried later like a failed send. */
    private static final class CannotRender extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient OutboxStore.Message message;

        CannotRender(OutboxStore.Message message, String why, Throwable cause) {
            super("cannot render: " + why, cause);
            this.message = message;
        }
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration d = sending.retryInitial().multipliedBy(factor);
        return d.compareTo(sending.retryMax()) > 0 ? sending.retryMax() : d;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }
}
