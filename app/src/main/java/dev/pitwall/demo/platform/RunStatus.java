package dev.pitwall.demo.platform;

/** Flow run statuses as the platform reports them. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, PAUSED, CANCELED,
    FAILED, INTERNAL_ERROR, QUOTA_EXCEEDED, TIMEOUT, MEMORY_LIMIT_EXCEEDED;

    /** The states a run can be retried from. */
    public boolean isFailed() {
        return this == FAILED || this == INTERNAL_ERROR || this == QUOTA_EXCEEDED || this == TIMEOUT
                || this == MEMORY_LIMIT_EXCEEDED;
    }
}
