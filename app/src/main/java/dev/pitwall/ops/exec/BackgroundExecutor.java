package dev.pitwall.ops.exec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Where all I/O runs: never on the FX thread. ViewModel tests use {@link DirectExecutor}, which runs work on the
 * calling thread so that assertions need no waiting.
 *
 * <p>Closing stops every schedule. Work handed in after {@link #close()} is dropped, never thrown at the caller (the
 * future of {@link #supply} is then cancelled): callbacks of engines still busy while the application closes arrive
 * on informer, timer or FX threads, where an exception would reach nobody who could act on it.
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
