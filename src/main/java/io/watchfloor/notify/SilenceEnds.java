package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.model.Alert;
import io.watchfloor.store.AlertStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a silence ends (its time is up, or it was removed), the alerts it held that are still active are sent, as
 * Alertmanager does: an officer who silenced a pair for an exercise learns what happened meanwhile. Still active:
 * changed within {@code activeFor} (the rules' retention: their signals can still move them). Each is handed to the
 * outbox like a new change, which sends it only if its recipient was not told it already: once.
 */
public final class SilenceEnds {
    private static final Logger LOG = LoggerFactory.getLogger(SilenceEnds.class);

    private final SilenceSet silences;
    private final AlertStore alerts;
    private final TransactionalNotifier outbox;
    private final Duration activeFor;
    private final Clock clock;
    /** The silences in force at the last check; null before the first. */
    private Set<Silence> inForce;

    public SilenceEnds(SilenceSet silences, AlertStore alerts, TransactionalNotifier outbox, Duration activeFor,
                       Clock clock) {
        this.silences = silences;
        this.alerts = alerts;
        this.outbox = outbox;
        this.activeFor = activeFor;
        this.clock = clock;
    }

    /**
     * Queues what the silences that ended since the last check held. At the first check, silences that ended within
     * {@code activeFor} count as just ended: the daemon may have been stopped when they did.
     *
     * @return how many alerts were handed to the outbox
     */
    public synchronized int check() {
        Instant now = clock.instant();
        List<Silence> all = silences.all();
        Set<Silence> current = all.stream().filter(s -> s.until() != null && now.isBefore(s.until()))
                .collect(Collectors.toSet());
        Set<Silence> ended = new HashSet<>(inForce != null ? inForce : all.stream()
                .filter(s -> s.until() != null && !s.until().isBefore(now.minus(activeFor))).toList());
        ended.removeAll(current);
        inForce = current;
        if (ended.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (Alert a : alerts.updatedSince(now.minus(activeFor))) {
            if (ended.stream().anyMatch(s -> SilenceSet.matches(s, a))) {
                AlertChange change = new AlertChange(a, AlertChange.Kind.UPDATED);
                outbox.record(change);
                outbox.notify(change);
                n++;
            }
        }
        LOG.info("{} silence{} ended ({}): {} alert{} it held, still active, handed to the outbox", ended.size(),
                ended.size() == 1 ? "" : "s", ended.stream().map(SilenceEnds::describe).collect(Collectors.joining(
                        "; ")), n, n == 1 ? "" : "s");
        return n;
    }

    private static String describe(Silence s) {
        StringBuilder b = new StringBuilder();
        if (s.pair() != null) {
            b.append("pair ").append(s.pair()).append(' ');
        }
        if (s.rule() != null) {
            b.append("rule ").append(s.rule()).append(' ');
        }
        if (s.type() != null) {
            b.append("type ").append(s.type()).append(' ');
        }
        return b.append("until ").append(s.until()).toString();
    }
}
