package io.watchfloor.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named tasks on fixed intervals with Quartz (in memory). A task never overlaps itself; a missed run is
 * not made up for in a burst, the next one simply comes.
 */
public final class PassScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassScheduler.class);

    private final Scheduler scheduler;
    private final TaskJobFactory jobs = new TaskJobFactory();

    /** One node: jobs in memory. */
    public PassScheduler(String instanceName, int threads) {
        this(properties(instanceName, threads));
    }

    /**
     * Cluster mode: jobs in PostgreSQL (Quartz's clustered JDBC job store) so that each job runs on one node at a
     * time, and another node takes over the jobs of a node that stops checking in.
     */
    public static PassScheduler clustered(String instanceName, int threads, javax.sql.DataSource dataSource,
                                          java.time.Duration checkin) {
        String provider = "watchfloor-" + instanceName;
        org.quartz.utils.DBConnectionManager.getInstance().addConnectionProvider(provider,
                new org.quartz.utils.ConnectionProvider() {
                    @Override
                    public java.sql.Connection getConnection() throws java.sql.SQLException {
                        return dataSource.getConnection();
                    }

                    @Override
                    public void shutdown() {
                        // The store owns the pool and closes it last.
                    }

                    @Override
                    public void initialize() {
                    }
                });
        Properties p = properties(instanceName, threads);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkin.toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        return new PassScheduler(p);
    }

    private static Properties properties(String instanceName, int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return p;
    }

    private PassScheduler(Properties p) {
        try {
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory(jobs);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} now and then every {@code interval}. */
    public void every(String name, Duration interval, Runnable task) {
        jobs.register(name, task);
        JobDetail job = JobBuilder.newJob(RunnableJob.class).withIdentity(name).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-trigger").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        schedule(name, job, trigger);
        LOG.info("scheduled {} every {}", name, interval);
    }

    /** Runs {@code task} on a Quartz cron expression (seconds first) in {@code zone}. */
    public void cron(String name, String expression, java.time.ZoneId zone, Runnable task) {
        jobs.register(name, task);
        JobDetail job = JobBuilder.newJob(RunnableJob.class).withIdentity(name).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-trigger")
                .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule(expression)
                        .inTimeZone(java.util.TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed())
                .build();
        schedule(name, job, trigger);
        LOG.info("scheduled {} on cron '{}' ({})", name, expression, zone);
    }

    /**
     * Runs the job {@code name} (registered with {@link #every}) once more now, besides its schedule: a file event or
     * a new message must not wait for the next tick. Like every run of the job it never overlaps another one (on any
     * node in cluster mode): asked while the job runs, it runs again right after.
     */
    public void runNow(String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name));
        } catch (SchedulerException e) {
            LOG.warn("cannot run {} now (its schedule still runs it): {}", name, e.getMessage());
        }
    }

    /**
     * Runs the job {@code name} once at {@code at} (at once if that has passed). Requests for nearly the same time
     * share one run: the time is rounded up to an {@link #AT_GRID} step, which names the trigger, so a second
     * request for the same step (from this node or another) adds nothing.
     */
    public void runAt(String name, Instant at) {
        long step = AT_GRID.toMillis();
        // Quartz may fire a trigger up to 2 ms early: keep a margin so the job never runs before the time asked.
        long when = Math.floorDiv(at.toEpochMilli() + EARLY_MARGIN_MS + step - 1, step) * step;
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-at-" + when, "watchfloor-once")
                .forJob(JobKey.jobKey(name)).startAt(new java.util.Date(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // Another request already asked for this moment.
        } catch (SchedulerException e) {
            LOG.warn("cannot run {} at {} (its schedule still runs it): {}", name, at, e.getMessage());
        }
    }

    /**
     * One-off runs are put on this grid, a few milliseconds after the time asked: bursts of requests share a run.
     */
    static final Duration AT_GRID = Duration.ofMillis(50);

    private static final long EARLY_MARGIN_MS = 5;

    /** Replaces a job another node (or an earlier run) stored under the same name. */
    private void schedule(String name, JobDetail job, Trigger trigger) {
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start scheduler: " + e.getMessage(), e);
        }
    }

    /** Stops taking new work and waits for running jobs to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.getMessage());
        }
    }
}
