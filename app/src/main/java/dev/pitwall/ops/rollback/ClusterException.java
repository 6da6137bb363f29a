package dev.pitwall.ops.rollback;

/** The cluster could not be read or written; the message says what and why. */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
