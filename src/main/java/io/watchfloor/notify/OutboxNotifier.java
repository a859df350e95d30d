package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.Router;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.EmailConfig;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Severity;
import io.watchfloor.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues email for alert changes in the transaction that records them, the Alertmanager way: routed to the officers
 * who follow them, grouped per recipient and pair during the group wait, an alert already sent is sent again only
 * when its severity rises or, with more sources, after the repeat interval. Silenced alerts are stored but not
 * queued.
 */
public final class OutboxNotifier implements TransactionalNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifier.class);

    private final Router router;
    private final SilenceSet silences;
    private final OutboxStore outbox;
    private final Duration groupWait;
    private final Duration repeatInterval;
    private final Clock clock;

    /** Told when a message queued now becomes due, so that delivery can run then rather than at its next tick. */
    private final Consumer<Instant> due;
    /** Whether something was queued since the last commit was told of. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Whether an officer has acknowledged the alert at this severity (or higher) on the board. */
    private final BiPredicate<String, Severity> acknowledged;

    public OutboxNotifier(Router router, SilenceSet silences, OutboxStore outbox, EmailConfig email, Clock clock) {
        this(router, silences, outbox, email, clock, t -> { });
    }

    /** @param due told the time a queued message becomes due (the group wait from now) */
    public OutboxNotifier(Router router, SilenceSet silences, OutboxStore outbox, EmailConfig email, Clock clock,
                          Consumer<Instant> due) {
        this(router, silences, outbox, email, clock, due, (id, severity) -> false);
    }

    /** @param acknowledged whether an alert is acknowledged at a severity (then only a rise sends it again) */
    public OutboxNotifier(Router router, SilenceSet silences, OutboxStore outbox, EmailConfig email, Clock clock,
                          Consumer<Instant> due, BiPredicate<String, Severity> acknowledged) {
        this.acknowledged = acknowledged;
        this.due = due;
        this.router = router;
        this.silences = silences;
        this.outbox = outbox;
        this.groupWait = email.groupWait();
        this.repeatInterval = email.repeatInterval();
        this.clock = clock;
    }

    /** In the transaction that records the change: routed, and queued for each recipient it is worth telling. */
    @Override
    public void record(AlertChange change) {
        Alert a = change.alert();
        Instant now = clock.instant();
        var silence = silences.silencing(a, now);
        if (silence.isPresent()) {
            LOG.info("alert {} ({}) silenced until {}{}", a.id(), a.title(), silence.get().until(),
                    silence.get().comment() == null ? "" : ": " + silence.get().comment());
            return;
        }
        for (String r : router.recipients(a)) {
            if (outbox.queueAlert(r, groupKey(a.actors()), a.id(), now, now.plus(groupWait),
                    told -> worthSending(a, told, now))) {
                queued.set(true);
            }
        }
    }

    /** Once committed: the delivery runs when what was queued becomes due (the group wait from now). */
    @Override
    public void notify(AlertChange change) {
        if (queued.getAndSet(false)) {
            due.accept(clock.instant().plus(groupWait));
        }
    }

    /**
     * Worth telling: never told, or told a lower severity, or fewer sources at least the repeat interval ago (a
     * message on its way counts as telling now) unless an officer has acknowledged it at this severity.
     */
    private boolean worthSending(Alert a, Optional<OutboxStore.Told> last, Instant now) {
        if (last.isEmpty()) {
            return true;
        }
        boolean higher = a.severity().compareTo(Severity.valueOf(last.get().severity())) > 0;
        boolean moreSources = a.sources() > last.get().sources()
                && !now.isBefore(last.get().at().plus(repeatInterval)) && !acknowledged.test(a.id(), a.severity());
        return higher || moreSources;
    }

    /** The pair, in alphabetical order, whatever the direction of the alert. */
    static String groupKey(List<String> actors) {
        return actors.stream().sorted().reduce((x, y) -> x + "-" + y).orElse("");
    }
}
