package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.notify.Notifier;
import io.watchfloor.notify.TransactionalNotifier;
import io.watchfloor.store.AlertJournal;
import io.watchfloor.store.AlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the outputs of alert changes worth telling, in two steps around the commit. Inside the transaction that
 * records the changes: the journal of changes and the outputs kept in the store (the email outbox), so an alert and
 * its email are committed together. Once committed: the other outputs (log, alerts.jsonl, metrics), after which the
 * journal marks the changes announced. A crash in between leaves them unannounced, and {@link #reconcile} announces
 * them at the next start. Without a journal (replays, rule tests) there is nothing to reconcile.
 */
public final class Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final List<Notifier> notifiers;
    private final List<TransactionalNotifier> inTransaction;
    private final AlertJournal journal;
    private final AlertStore alerts;
    private final String node;

    /** The journal's changes are this node's ({@code node}); {@code journal} null: no journal. */
    public Announcer(List<Notifier> notifiers, AlertJournal journal, AlertStore alerts, String node) {
        this.notifiers = List.copyOf(notifiers);
        this.inTransaction = notifiers.stream().filter(n -> n instanceof TransactionalNotifier)
                .map(n -> (TransactionalNotifier) n).toList();
        this.journal = journal;
        this.alerts = alerts;
        this.node = node;
    }

    /** Outputs without a journal. */
    public static Announcer of(List<Notifier> notifiers) {
        return new Announcer(notifiers, null, null, null);
    }

    /**
     * Inside the transaction that records {@code changes}: journaled, and written to the outputs kept in the store.
     * A failure here rolls the changes back with everything else.
     *
     * @return the journal entries, for {@link #committed}
     */
    List<Long> recorded(List<AlertChange> changes) {
        List<Long> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (AlertChange c : changes) {
            if (!c.newsworthy()) {
                continue;
            }
            if (journal != null) {
                entries.add(journal.record(c.alert().id(), c.kind().name(), node, !inTransaction.isEmpty(), now));
            }
            for (TransactionalNotifier n : inTransaction) {
                n.record(c);
            }
        }
        return entries;
    }

    /** Once the transaction has committed: every output told; the journal entries marked announced. */
    void committed(List<AlertChange> changes, List<Long> entries) {
        boolean all = true;
        for (AlertChange c : changes) {
            if (c.newsworthy()) {
                all &= tell(c);
            }
        }
        if (journal != null && all) {
            journal.markAnnounced(entries);
        }
    }

    /** Every output told of one change; false if one of them failed (the others are told all the same). */
    private boolean tell(AlertChange c) {
        boolean ok = true;
        for (Notifier n : notifiers) {
            try {
                n.notify(c);
            } catch (RuntimeException e) {
                // The alert is committed; one failing output must not stop the others. It is told again at the
                // next start (the journal keeps the change unannounced).
                LOG.error("notifier {} failed for alert {}: {}", n.getClass().getSimpleName(), c.alert().id(),
                        e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    /** Tells the admins through every output that serves them. */
    void admin(AdminNotice notice) {
        for (Notifier n : notifiers) {
            try {
                n.admin(notice);
            } catch (RuntimeException e) {
                LOG.error("notifier {} failed for an admin notice: {}", n.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** What a start finished. */
    public record Reconciled(int queued, int announced) { }

    /**
     * At start, finishes what a crash (or an older version) left undone: the email of every change on record that is
     * not decided yet is decided (queued unless not worth sending or silenced), and the changes this node recorded
     * but did not announce are announced, each alert once, as it is now.
     */
    public Reconciled reconcile() {
        if (journal == null) {
            return new Reconciled(0, 0);
        }
        List<AlertChange> decided = new ArrayList<>();
        journal.decideUnqueued(entries -> {
            for (AlertJournal.Entry e : entries) {
                alerts.find(e.alertId()).ifPresent(a -> {
                    AlertChange c = new AlertChange(a, AlertChange.Kind.valueOf(e.kind()));
                    inTransaction.forEach(n -> n.record(c));
                    decided.add(c);
                });
            }
        });
        decided.forEach(c -> inTransaction.forEach(n -> n.notify(c)));
        Map<String, AlertChange.Kind> unannounced = new LinkedHashMap<>();
        List<Long> entries = new ArrayList<>();
        for (AlertJournal.Entry e : journal.unannounced(node)) {
            // An alert new and then updated before the crash is announced once, as new, as it is now.
            unannounced.merge(e.alertId(), AlertChange.Kind.valueOf(e.kind()),
                    (a, b) -> a == AlertChange.Kind.NEW ? a : b);
            entries.add(e.id());
        }
        List<AlertChange> changes = new ArrayList<>();
        unannounced.forEach((id, kind) -> alerts.find(id).ifPresent(a -> changes.add(new AlertChange(a, kind))));
        if (!entries.isEmpty()) {
            LOG.warn("{} alert change{} recorded before the last stop but not announced: announced now",
                    changes.size(), changes.size() == 1 ? "" : "s");
        }
        committed(changes, entries);
        return new Reconciled(decided.size(), changes.size());
    }
}
