package dev.pitwall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the console knows about one back-end right now.
 *
 * @param since  for CONNECTED the time of the last good answer; for STALE the time of the last good answer before the
 *               failure (the data shown is that old); for ERROR the time the error was seen
 * @param reason human-readable cause for STALE and ERROR, empty otherwise
 */
public record BackendStatus(BackendKind kind, State state, Instant since, String reason) {

    public enum State { NOT_CONFIGURED, CONNECTING, CONNECTED, STALE, ERROR }

    public BackendStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static BackendStatus notConfigured(BackendKind kind) {
        return new BackendStatus(kind, State.NOT_CONFIGURED, null, "not configured in this profile");
    }

    public static BackendStatus connecting(BackendKind kind) {
        return new BackendStatus(kind, State.CONNECTING, null, "");
    }

    public static BackendStatus connected(BackendKind kind, Instant at) {
        return new BackendStatus(kind, State.CONNECTED, at, "");
    }

    public boolean isLive() {
        return state == State.CONNECTED;
    }
}
