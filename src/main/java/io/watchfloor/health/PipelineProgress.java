package io.watchfloor.health;

import io.watchfloor.config.DurationDeserializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the daemon's work advances. Each scheduled job says what its progress is (articles finished, email sends
 * attempted); the pipeline is stalled when a job has been running for {@code stallAfter} while its kind of progress
 * has not advanced for as long, and a periodic job is overdue when it has not started for its interval plus
 * {@code stallAfter} (the scheduler's threads are all held up).
 */
public final class PipelineProgress implements HealthCheck.Check {
    /** What a job's progress is. */
    public enum Kind {
        ARTICLES("no article has finished"), EMAIL("no email send has finished");

        private final String quiet;

        Kind(String quiet) {
            this.quiet = quiet;
        }
    }

    /**
     * A job: its kind of progress, how often it should start (null: no fixed interval), when it was last active
     * (registered, started or finished).
     */
    private static final class Job {
        final Kind kind;
        final Duration interval;
        Instant lastActive;
        Instant runningSince;

        Job(Kind kind, Duration interval, Instant now) {
            this.kind = kind;
            this.interval = interval;
            this.lastActive = now;
        }
    }

    private final Clock clock;
    private final Duration stallAfter;
    private final boolean overdueChecked;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<Kind, Instant> advanced = new EnumMap<>(Kind.class);

    /**
     * @param overdueChecked false in cluster mode, where a job runs on one node of several and may rightly never
     *                       start on this one
     */
    public PipelineProgress(Clock clock, Duration stallAfter, boolean overdueChecked) {
        this.clock = clock;
        this.stallAfter = stallAfter;
        this.overdueChecked = overdueChecked;
        for (Kind k : Kind.values()) {
            advanced.put(k, clock.instant());
        }
    }

    /** Wraps a job's work so that its start and end are seen; {@code interval} null for jobs without one. */
    public synchronized Runnable job(String name, Kind kind, Duration interval, Runnable work) {
        jobs.put(name, new Job(kind, interval, clock.instant()));
        return () -> {
            started(name);
            try {
                work.run();
            } finally {
                finished(name);
            }
        };
    }

    /** One unit of work of this kind finished (an article processed, a send attempted). */
    public synchronized void advanced(Kind kind) {
        advanced.put(kind, clock.instant());
    }

    private synchronized void started(String name) {
        Job j = jobs.get(name);
        j.lastActive = clock.instant();
        j.runningSince = j.lastActive;
    }

    private synchronized void finished(String name) {
        Job j = jobs.get(name);
        j.runningSince = null;
        j.lastActive = clock.instant();
        advanced.put(j.kind, clock.instant());
    }

    @Override
    public synchronized List<String> reasons() {
        Instant now = clock.instant();
        List<String> out = new ArrayList<>();
        jobs.forEach((name, j) -> {
            Instant quietSince = advanced.get(j.kind);
            if (j.runningSince != null && longer(j.runningSince, now, stallAfter)
                    && longer(quietSince, now, stallAfter)) {
                out.add("pipeline stalled: " + name + " has been running for " + age(j.runningSince, now) + " and "
                        + j.kind.quiet + " for " + age(quietSince, now));
            } else if (overdueChecked && j.runningSince == null && j.interval != null
                    && longer(j.lastActive, now, j.interval.plus(stallAfter))) {
                out.add("pipeline stalled: " + name + " has not run for " + age(j.lastActive, now) + " (due every "
                        + DurationDeserializer.human(j.interval) + ")");
            }
        });
        return out;
    }

    private static boolean longer(Instant since, Instant now, Duration d) {
        return Duration.between(since, now).compareTo(d) > 0;
    }

    private static String age(Instant since, Instant now) {
        return DurationDeserializer.human(Duration.ofSeconds(Duration.between(since, now).toSeconds()));
    }
}
