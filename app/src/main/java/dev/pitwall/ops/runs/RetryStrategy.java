package dev.pitwall.ops.runs;

/** The platform's retry strategies (see reference/activepieces.md). */
public enum RetryStrategy {
    /** Same run id, back to QUEUED; succeeded steps are kept and the failed one runs again. */
    FROM_FAILED_STEP,
    /** A new run on the flow's latest version. */
    ON_LATEST_VERSION
}
