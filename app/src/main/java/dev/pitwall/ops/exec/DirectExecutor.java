package dev.pitwall.ops.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs work on the calling thread. Scheduled work is kept until {@link #runScheduled()} is called, so tests decide
 * when time passes.
 */
public final class DirectExecutor implements BackgroundExecutor {

    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized Cancellable repeat(Runnable work, Duration initialDelay, Duration period) {
        scheduled.add(work);
        return () -> {
            synchronized (DirectExecutor.this) {
                scheduled.remove(work);
            }
        };
    }

    @Override
    public Cancellable later(Runnable work, Duration delay) {
        Cancellable[] handle = new Cancellable[1];
        handle[0] = repeat(() -> {
            handle[0].cancel();
            work.run();
        }, delay, delay);
        return handle[0];
    }

    /** Runs every scheduled job once, as if its period had passed. */
    public void runScheduled() {
        List<Runnable> copy;
        synchronized (this) {
            copy = List.copyOf(scheduled);
        }
        copy.forEach(Runnable::run);
    }

    @Override
    public void close() {
        synchronized (this) {
            scheduled.clear();
        }
    }
}
