package dev.pitwall.ops.connect;

import dev.pitwall.model.BackendKind;

/** The answer of one probe: ok with a short detail ("PONG", "context demo"), or failed with the reason. */
public record ProbeResult(BackendKind kind, boolean ok, String message) {

    /** A reason quotes whatever the back-end's library said, which may hold the URL it was given. */
    public ProbeResult {
        message = Redaction.text(message);
    }

    public static ProbeResult ok(BackendKind kind, String detail) {
        return new ProbeResult(kind, true, detail);
    }

    public static ProbeResult failed(BackendKind kind, String reason) {
        return new ProbeResult(kind, false, reason);
    }

    /** Turns any exception into a reason without stack trace noise, keeping the innermost message. */
    public static ProbeResult failed(BackendKind kind, String what, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ProbeResult(kind, false, what + ": " + detail);
    }
}
