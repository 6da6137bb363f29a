package dev.pitwall.ops.exec;

import dev.pitwall.testing.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet engine's serial task is a {@link CoalescingTask}: if one run could wedge it, every later snapshot, query
 * and watch start of the console would wait for ever with all threads idle.
 */
class CoalescingTaskTest {

    @Test
    void aRunThatThrowsAnErrorDoesNotStopTheRunsRequestedAfterIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
        try (PooledExecutor executor = new PooledExecutor(1)) {
            CoalescingTask task = new CoalescingTask(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("simulated");
                }
                secondRun.countDown();
            });
            task.request();
            // the first run has thrown once the executor is idle again; then a new request must run the work
            Await.until("the failing run finished", Duration.ofSeconds(10),
                    () -> runs.get() == 1 && executor.isIdle());
            task.request();
            assertThat(secondRun.await(10, TimeUnit.SECONDS)).as("the work ran again after the Error").isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void requestsDuringARunCollapseIntoOneMoreRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        try (PooledExecutor executor = new PooledExecutor(2)) {
            CoalescingTask task = new CoalescingTask(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    secondDone.countDown();
                }
            });
            task.request();
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                task.request();
            }
            release.countDown();
            assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
            Await.until("the task idle", Duration.ofSeconds(10), executor::isIdle);
            assertThat(runs.get()).as("five requests during a run make one more run").isEqualTo(2);
        }
    }
}
