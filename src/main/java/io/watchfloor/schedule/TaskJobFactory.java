package io.watchfloor.schedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Hands Quartz the tasks registered by name (constructor injection instead of Quartz instantiating classes). */
final class TaskJobFactory implements JobFactory {
    private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

    void register(String name, Runnable task) {
        tasks.put(name, task);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        String name = bundle.getJobDetail().getKey().getName();
        Runnable task = tasks.get(name);
        if (task == null) {
            throw new SchedulerException("no task registered for job " + name);
        }
        return new RunnableJob(task);
    }
}
