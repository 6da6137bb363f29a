package dev.pitwall.ops.exec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one app-wide executor: a bounded pool of named daemon threads for I/O plus one scheduler thread that only hands
 * scheduled work over to the pool (so a slow poll never delays the next timer).
 *
 * <p>Once closed it runs nothing more: work handed to it after {@link #close()} (a callback of an engine that was
 * still busy while the console closed) is dropped, counted and logged at debug level, never thrown at the caller,
 * whose thread may be an informer's or the FX thread that has nobody to report it to.
 */
public final class PooledExecutor implements BackgroundExecutor {

    private static final System.Logger LOG = System.getLogger(PooledExecutor.class.getName());
    private static final Cancellable NOTHING = () -> { };

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private final AtomicLong dropped = new AtomicLong();

    public PooledExecutor(int threads) {
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("pitwall-io"));
        workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("pitwall-timer"));
        timer.setRemoveOnCancelPolicy(true);
        scheduler = timer;
    }

    /** After close the future is cancelled: the work never runs, and a caller waiting on it does not wait for ever. */
    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!hand(() -> {
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
        }, "work")) {
            result.cancel(false);
        }
        return result;
    }

    @Override
    public Cancellable repeat(Runnable work, Duration initialDelay, Duration period) {
        return schedule(() -> scheduler.scheduleWithFixedDelay(() -> runGuarded(work),
                initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS), "a repeating job");
    }

    @Override
    public Cancellable later(Runnable work, Duration delay) {
        return schedule(() -> scheduler.schedule(() -> hand(work, "delayed work"), delay.toMillis(),
                TimeUnit.MILLISECONDS), "delayed work");
    }

    /** Hands {@code work} to the pool; false (and counted) when the executor is closed. */
    private boolean hand(Runnable work, String what) {
        if (!closed) {
            try {
                workers.execute(work);
                return true;
            } catch (RejectedExecutionException closedMeanwhile) {
                // close() ran between the check and the hand-over: same as closed
            }
        }
        drop(what);
        return false;
    }

    private Cancellable schedule(Supplier<ScheduledFuture<?>> timer, String what) {
        if (!closed) {
            try {
                ScheduledFuture<?> f = timer.get();
                return () -> f.cancel(false);
            } catch (RejectedExecutionException closedMeanwhile) {
                // close() ran between the check and the scheduling: same as closed
            }
        }
        drop(what);
        return NOTHING;
    }

    private void drop(String what) {
        long n = dropped.incrementAndGet();
        LOG.log(System.Logger.Level.DEBUG, () -> "executor closed: " + what + " dropped (" + n + " so far)");
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

    /** How much work was handed in after close and dropped. */
    public long droppedAfterClose() {
        return dropped.get();
    }

    /** Stops the timers, then the workers (running work is interrupted); anything handed in later is dropped. */
    @Override
    public void close() {
        closed = true;
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
