package io.watchfloor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Besides their schedule, jobs run when asked: now, or at a given time (never before it). */
class PassSchedulerTest {
    @Test
    void runsAJobNowBesidesItsSchedule() throws Exception {
        Semaphore runs = new Semaphore(0);
        try (PassScheduler s = new PassScheduler("test-now", 2)) {
            s.every("job", Duration.ofHours(1), runs::release);
            s.start();
            assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).as("the schedule's first run").isTrue();
            s.runNow("job");
            assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).as("run on request").isTrue();
        }
    }

    @Test
    void runsAJobAtTheTimeAskedNeverBeforeAndOnceForRequestsOfTheSameMoment() throws Exception {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        Semaphore ran = new Semaphore(0);
        try (PassScheduler s = new PassScheduler("test-at", 2)) {
            s.every("job", Duration.ofHours(1), () -> {
                runs.add(Instant.now());
                ran.release();
            });
            s.start();
            assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Instant at = Instant.now().plusMillis(300);
            s.runAt("job", at);
            s.runAt("job", at);
            assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).as("run at the time asked").isTrue();
            assertThat(runs.get(1)).isAfterOrEqualTo(at);
            Thread.sleep(500);
            assertThat(runs).as("two requests for one moment, one run").hasSize(2);
            // A time already passed: at once.
            s.runAt("job", Instant.now().minusSeconds(5));
            assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
