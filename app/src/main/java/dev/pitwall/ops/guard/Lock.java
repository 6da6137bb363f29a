package dev.pitwall.ops.guard;

/**
 * The lock of what a write changes, taken by the guard after the identity check and before the confirmation: an OS
 * file lock ({@link LocalLocks}) or an optimistic-concurrency lease on the object itself ({@link Lease}).
 */
@FunctionalInterface
public interface Lock {

    /** Nothing to lock. */
    Lock NONE = () -> () -> { };

    /** @throws WriteRefused when someone else holds it */
    Held acquire();

    /** A lock held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
