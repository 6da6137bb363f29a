package dev.pitwall.ops.guard;

/**
 * An optimistic-concurrency write found the object changed since it was read (the back-end's answer 409): nothing of
 * this write was applied. Whoever holds the newer version wins; the loser reads again.
 */
public final class WriteConflict extends RuntimeException {

    public WriteConflict(String what, Throwable cause) {
        super(what, cause);
    }
}
