package dev.pitwall.demo.platform;

/** How a failed run is retried. */
public enum RetryStrategy {
    /** The same run id goes back to QUEUED and resumes at its failed step, keeping the steps that succeeded. */
    FROM_FAILED_STEP,
    /** A new run of the flow's latest version. */
    ON_LATEST_VERSION
}
