package dev.pitwall.ops.exec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class PooledExecutorTest {

    private final PooledExecutor executor = new PooledExecutor(2);
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void catchUncaught() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void restore() {
        executor.close();
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void workHandedInAfterCloseIsDroppedAndCountedNotThrown() {
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();

        CompletableFuture<String> answer = executor.supply(() -> {
            ran.set(true);
            return "never";
        });
        executor.repeat(() -> ran.set(true), Duration.ZERO, Duration.ofMillis(1)).cancel();
        executor.later(() -> ran.set(true), Duration.ZERO).cancel();
        new CoalescingTask(executor, () -> ran.set(true)).request();

        assertThat(answer).as("a caller who waits on dropped work is not left waiting").isCancelled();
        assertThat(ran).isFalse();
        assertThat(executor.droppedAfterClose()).isEqualTo(4);
    }

    /**
     * What CI saw: a fold still running while its console closed asked for its next publication ({@code later}) on
     * the closed executor, and the RejectedExecutionException reached the thread's uncaught-exception handler.
     */
    @Test
    void aTaskStillRunningAtCloseMayScheduleMoreWithoutAnException() throws Exception {
        Semaphore closing = new Semaphore(0);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        CoalescingTask fold = new CoalescingTask(executor, () -> {
            running.countDown();
            closing.acquireUninterruptibly(); // close() interrupts the workers: the fold goes on regardless
            executor.later(() -> { }, Duration.ofMillis(25));
            executor.run(() -> { });
            finished.countDown();
        });
        fold.request();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        executor.close();
        closing.release();

        assertThat(finished.await(10, TimeUnit.SECONDS)).as("the fold ran to its end").isTrue();
        assertThat(uncaught).isEmpty();
        assertThat(executor.droppedAfterClose()).isEqualTo(2);
    }

    @Test
    void beforeCloseWorkRunsAndRepeats() throws Exception {
        assertThat(executor.supply(() -> "answer").get(10, TimeUnit.SECONDS)).isEqualTo("answer");
        CountDownLatch three = new CountDownLatch(3);
        var repeating = executor.repeat(three::countDown, Duration.ZERO, Duration.ofMillis(5));
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        repeating.cancel();
        assertThat(executor.droppedAfterClose()).isZero();
    }
}
