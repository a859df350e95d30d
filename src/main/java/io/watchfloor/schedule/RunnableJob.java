package io.watchfloor.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** A Quartz job that runs a task handed to it by {@link TaskJobFactory}: no reflection-built dependencies. */
@DisallowConcurrentExecution
final class RunnableJob implements Job {
    private final Runnable task;

    RunnableJob(Runnable task) {
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Logged by the task's owner; a failed pass must not unschedule the job.
            throw new JobExecutionException(e, false);
        }
    }
}
