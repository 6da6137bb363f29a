package dev.pitwall.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A flow run's status exactly as the platform sent it. Unknown future values are kept verbatim and shown, never
 * mapped to a known one.
 */
public record RunStatus(String raw) {

    private static final Set<String> FAILED = Set.of("FAILED", "INTERNAL_ERROR", "QUOTA_EXCEEDED", "TIMEOUT",
            "MEMORY_LIMIT_EXCEEDED");
    private static final Set<String> KNOWN = Set.of("FAILED", "INTERNAL_ERROR", "QUOTA_EXCEEDED", "TIMEOUT",
            "MEMORY_LIMIT_EXCEEDED", "QUEUED", "RUNNING", "SUCCEEDED", "PAUSED", "CANCELED", "STOPPED");

    public static final RunStatus QUEUED = new RunStatus("QUEUED");
    public static final RunStatus RUNNING = new RunStatus("RUNNING");
    public static final RunStatus SUCCEEDED = new RunStatus("SUCCEEDED");

    public RunStatus {
        raw = Objects.requireNonNullElse(raw, "").trim().toUpperCase(Locale.ROOT);
    }

    /** The statuses a replay can start from. */
    public static Set<String> failedStates() {
        return FAILED;
    }

    public boolean isFailed() {
        return FAILED.contains(raw);
    }

    public boolean isKnown() {
        return KNOWN.contains(raw);
    }

    /** Queued, running or succeeded: a retry has been taken up, so the run must not be sent again. */
    public boolean isTakenUp() {
        return raw.equals("QUEUED") || raw.equals("RUNNING") || raw.equals("SUCCEEDED");
    }

    /** Still moving: queued, running or paused. */
    public boolean isInProgress() {
        return raw.equals("QUEUED") || raw.equals("RUNNING") || raw.equals("PAUSED");
    }

    @Override
    public String toString() {
        return isKnown() || raw.isEmpty() ? (raw.isEmpty() ? "(none)" : raw) : raw + " (unknown status)";
    }
}
