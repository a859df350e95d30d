package io.watchfloor.rules;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a session's work runs on, so that work past its time limit can be abandoned: the caller stops
 * waiting, halts the session, interrupts the thread and, when a consequence ignores both (a loop that never looks
 * up), stops the thread. The session is then unusable; the engine builds a new one.
 */
final class RuleWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWorker.class);
    /** How long a halted or interrupted thread gets to finish before it is stopped. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final KieSession session;
    private final FiringRule firing;
    private final Function<String, String> describe;
    private final ExecutorService executor;
    private volatile Thread thread;
    private boolean abandoned;

    /** @param describe rule name to how an admin finds it (FILE:LINE: rule "NAME") */
    RuleWorker(KieSession session, FiringRule firing, Function<String, String> describe) {
        this.session = session;
        this.firing = firing;
        this.describe = describe;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "watchfloor-rules");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs {@code work} on the session's thread; past {@code limit} the work is abandoned and this worker with it. */
    <T> T run(Supplier<T> work, Duration limit) {
        if (abandoned) {
            throw new IllegalStateException("rule worker abandoned");
        }
        CountDownLatch finished = new CountDownLatch(1);
        Future<T> future = executor.submit(() -> {
            try {
                return work.get();
            } finally {
                finished.countDown();
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String rule = firing.running();
            String last = firing.last();
            abandon(future, finished);
            throw new RuleTimeoutException(rule == null ? null : describe.apply(rule),
                    last == null ? null : describe.apply(last), limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(future, finished);
            throw new IllegalStateException("interrupted while the rules ran", e);
        } catch (ExecutionException e) {
            // The work is a Supplier: only unchecked exceptions come out of it.
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private void abandon(Future<?> future, CountDownLatch finished) {
        abandoned = true;
        session.halt();               // a rule that keeps re-activating stops at the next firing
        future.cancel(true);          // a consequence that sleeps or waits is interrupted
        executor.shutdown();
        if (!await(finished)) {
            stop(finished);
        }
        if (finished.getCount() == 0) {
            try {
                session.dispose();
            } catch (RuntimeException e) {
                LOG.debug("disposing an abandoned session: {}", e.getMessage());
            }
        }
    }

    /** The last resort for a consequence that never returns: its session is thrown away, so nothing depends on it. */
    @SuppressWarnings({"removal", "deprecation"})
    private void stop(CountDownLatch finished) {
        Thread t = thread;
        try {
            t.stop();
        } catch (UnsupportedOperationException e) {
            LOG.error("a rule thread cannot be stopped on this Java version and keeps running; restart watchfloor"
                    + " once the rule is fixed");
            return;
        }
        if (!await(finished)) {
            LOG.error("a rule thread did not stop and keeps running; restart watchfloor once the rule is fixed");
        }
    }

    private static boolean await(CountDownLatch finished) {
        try {
            return finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (!abandoned) {
            session.dispose();
        }
    }
}
