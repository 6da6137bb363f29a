package dev.pitwall.ops.trust;

/** A back-end (the Kubernetes API, Redis) could not be asked: the message says which and why. */
public final class TrustBackendException extends RuntimeException {

    public TrustBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
