package dev.pitwall.model;

import java.time.Instant;

/**
 * A flow run as the platform API reports it.
 *
 * @param failedStep null when the platform sent none (shown as such, never invented)
 * @param workerId   the worker that executed it, when the platform records it, else null
 * @param problem    why this entry could not be read fully (malformed page element), else null
 */
public record FlowRun(
        String id,
        String projectId,
        String flowId,
        String flowVersionId,
        RunStatus status,
        Instant created,
        Instant startTime,
        Instant finishTime,
        FailedStep failedStep,
        String workerId,
        Instant archivedAt,
        String problem) {

    public boolean isArchived() {
        return archivedAt != null;
    }

    public boolean isMalformed() {
        return problem != null;
    }
}
