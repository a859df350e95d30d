package io.watchfloor.schedule;

import java.time.Duration;
import java.util.Properties;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
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

    public PassScheduler(String instanceName, int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
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
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
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
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
        LOG.info("scheduled {} on cron '{}' ({})", name, expression, zone);
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
