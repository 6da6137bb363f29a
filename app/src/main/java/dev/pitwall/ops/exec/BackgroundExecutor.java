package dev.pitwall.ops.exec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Where all I/O runs: never on the FX thread. ViewModel tests use {@link DirectExecutor}, which runs work on the
 * calling thread so that assertions need no waiting.
 */
public interface BackgroundExecutor extends AutoCloseable {

    /** Runs {@code work} in the background; the future completes with its result or its exception. */
    <T> CompletableFuture<T> supply(Callable<T> work);

    /** Runs {@code work} every {@code period}, first after {@code initialDelay}; the handle cancels it. */
    Cancellable repeat(Runnable work, Duration initialDelay, Duration period);

    /** Runs {@code work} once after {@code delay}. */
    Cancellable later(Runnable work, Duration delay);

    default CompletableFuture<Void> run(Runnable work) {
        return supply(() -> {
            work.run();
            return null;
        });
    }

    @Override
    void close();

    /** A handle for scheduled work. */
    interface Cancellable {
        void cancel();
    }
}
