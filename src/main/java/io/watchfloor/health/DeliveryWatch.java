package io.watchfloor.health;

import io.watchfloor.config.DurationDeserializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Email sends as they succeed and fail: degraded while a send has failed within the window, whether or not mail
 * is backing up (an outage with little mail is still an outage).
 */
public final class DeliveryWatch implements HealthCheck.Check {
    private final Clock clock;
    private final Duration window;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private String lastError;
    private Instant lastSuccess;

    public DeliveryWatch(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public synchronized void succeeded() {
        lastSuccess = clock.instant();
    }

    public synchronized void failed(String error) {
        failures.addLast(clock.instant());
        lastError = error;
    }

    @Override
    public synchronized List<String> reasons() {
        Instant since = clock.instant().minus(window);
        while (!failures.isEmpty() && failures.peekFirst().isBefore(since)) {
            failures.removeFirst();
        }
        if (failures.isEmpty()) {
            return List.of();
        }
        Instant last = failures.peekLast();
        return List.of("email delivery failing: " + failures.size() + " send" + (failures.size() == 1 ? "" : "s")
                + " failed in the last " + DurationDeserializer.human(window) + " (last at " + last + ": " + lastError
                + ")" + (lastSuccess != null && lastSuccess.isAfter(last) ? "; a send has succeeded since" : ""));
    }
}
