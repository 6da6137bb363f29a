package dev.pitwall.ops.queues;

/** Redis could not be asked (refused, dropped, timed out, denied): the message says which server and why. */
public final class QueueBackendException extends RuntimeException {

    public QueueBackendException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueBackendException(String message) {
        super(message);
    }
}
