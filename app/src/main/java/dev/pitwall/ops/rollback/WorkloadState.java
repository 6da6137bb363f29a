package dev.pitwall.ops.rollback;

/**
 * The workload as it is now: its resourceVersion (which also moves with status updates), the revision its template
 * belongs to (0 when none matches), and the template itself.
 */
public record WorkloadState(WorkloadRef workload, String resourceVersion, long currentRevision, String templateJson) {
}
