package dev.pitwall.ops.fleet;

/** A back-end read failed; the message says why in words a person can act on. */
public final class FeedException extends Exception {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
