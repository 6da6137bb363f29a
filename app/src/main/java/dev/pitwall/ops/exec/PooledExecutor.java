package dev.pitwall.ops.exec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one app-wide executor: a bounded pool of named daemon threads for I/O plus one scheduler thread that only hands
 * scheduled work over to the pool (so a slow poll never delays the next timer).
 */
public final class PooledExecutor implements BackgroundExecutor {

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scheduler;

    public PooledExecutor(int threads) {
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("pitwall-io"));
        workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("pitwall-timer"));
        timer.setRemoveOnCancelPolicy(true);
        scheduler = timer;
    }

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                if (t instanceof Error) {
                    // an Error is a broken JVM or program, not a failed call: the caller may never look at the
                    // future, so it is reported where it cannot go unseen
                    Thread self = Thread.currentThread();
                    self.getUncaughtExceptionHandler().uncaughtException(self, t);
                }
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    @Override
    public Cancellable repeat(Runnable work, Duration initialDelay, Duration period) {
        ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(() -> runGuarded(work),
                initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable later(Runnable work, Duration delay) {
        ScheduledFuture<?> f = scheduler.schedule(() -> workers.execute(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Runs on a worker and waits, so that a repeating job never overlaps itself. */
    private void runGuarded(Runnable work) {
        try {
            supply(() -> {
                work.run();
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the work reports its own failures; a failed round must not cancel the schedule
        }
    }

    /** True when no work is queued or running: used to wait for a screen to settle before a screenshot. */
    public boolean isIdle() {
        return workers.getActiveCount() == 0 && workers.getQueue().isEmpty();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
