package dev.pitwall.ops.trust;

/** A change was refused before anything was written: the message says why. */
public final class TrustChangeException extends RuntimeException {

    public TrustChangeException(String message) {
        super(message);
    }
}
