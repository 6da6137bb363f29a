package dev.pitwall.ops.runs;

/**
 * A platform request failed as a whole. {@link #retryable()} says whether trying again later may help (5xx, 429,
 * timeouts, lost connections) or not (400, 401, 403, 404).
 */
public final class PlatformException extends RuntimeException {

    private final int status;

    public PlatformException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public PlatformException(int status, String message) {
        this(status, message, null);
    }

    /** The HTTP status, or 0 when no answer came (timeout, connection refused). */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
