package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.notify.EmailDelivery;
import io.watchfloor.notify.TransactionalNotifier;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The email side of a running daemon, replaceable as a whole when the config is reloaded: routing, silences,
 * grouping, templates and SMTP settings change together, between two uses.
 */
public final class LiveEmail implements TransactionalNotifier {
    private final AtomicReference<Pipelines.Email> current;

    public LiveEmail(Pipelines.Email initial) {
        this.current = new AtomicReference<>(initial);
    }

    public void replace(Pipelines.Email next) {
        current.set(next);
    }

    public Pipelines.Email current() {
        return current.get();
    }

    @Override
    public void record(AlertChange change) {
        current.get().notifier().record(change);
    }

    @Override
    public void notify(AlertChange change) {
        current.get().notifier().notify(change);
    }

    /** Emails the notice to the admins (once per distinct notice); the delivery job sends it at its next run. */
    @Override
    public void admin(AdminNotice notice) {
        current.get().admins().queue(notice);
    }

    /** Sends what is due, after queuing what silences that ended since the last run held. */
    public int deliverDue() {
        current.get().silenceEnds().check();
        return current.get().delivery().deliverDue();
    }

    public int deliverDueBy(Instant when) {
        current.get().silenceEnds().check();
        return current.get().delivery().deliverDueBy(when);
    }

    public int queueDigests() {
        return current.get().digests().queue();
    }

    /** Releases the messages this node had claimed when it last stopped (see {@link EmailDelivery#releaseClaims}). */
    public int releaseClaims() {
        return current.get().delivery().releaseClaims();
    }

    public String describe() {
        return current.get().mailer().describe();
    }
}
