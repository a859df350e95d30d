package io.watchfloor.notify;

import io.watchfloor.config.EmailConfig;
import io.watchfloor.store.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

/** Queues one digest per recipient when the digest cron fires; the delivery job sends them like any message. */
public final class DigestQueue {
    private final EmailConfig email;
    private final OutboxStore outbox;
    private final Clock clock;

    public DigestQueue(EmailConfig email, OutboxStore outbox, Clock clock) {
        this.email = email;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns how many digests were queued (a recipient's digest for the same minute is queued once). */
    public int queue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Set<String> to = new LinkedHashSet<>();
        email.recipients().forEach(r -> to.add(r.address()));
        if (!email.defaultRecipient().isBlank()) {
            to.add(email.defaultRecipient());
        }
        int n = 0;
        for (String r : to) {
            if (outbox.enqueueDigest(r, now.toString(), now)) {
                n++;
            }
        }
        return n;
    }
}
