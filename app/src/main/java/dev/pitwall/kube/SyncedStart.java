package dev.pitwall.kube;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Starts an informer and replaces it when it has not synced within a limit. fabric8's request timeout ends only the
 * wait for an answer's headers, so a list whose body never comes (a connection that died without a word, a stalled
 * server) would otherwise hold the informer's start, and every view waiting on it, for ever.
 */
final class SyncedStart {

    private SyncedStart() {
    }

    /**
     * @param make      a new informer, not started, registered wherever its owner keeps it
     * @param current   whether an informer is still the one its owner keeps (one replaced or removed meanwhile is left
     *                  alone)
     * @param restarted told why, each time an informer is replaced
     * @return completes when an informer has synced, or fails with the reason it cannot start (forbidden)
     */
    static <T> CompletableFuture<Void> start(Supplier<SharedIndexInformer<T>> make, Duration limit,
                                             Predicate<SharedIndexInformer<T>> current, Consumer<String> restarted) {
        SharedIndexInformer<T> informer = make.get();
        return informer.start().toCompletableFuture().orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    if (!(error instanceof TimeoutException) || !current.test(informer)) {
                        return CompletableFuture.failedFuture(error);
                    }
                    informer.stop();
                    restarted.accept("not synced after " + limit.toSeconds() + " s; starting it again");
                    return start(make, limit, current, restarted);
                });
    }
}
