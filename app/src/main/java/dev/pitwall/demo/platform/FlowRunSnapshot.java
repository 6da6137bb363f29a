package dev.pitwall.demo.platform;

import java.time.Instant;

/**
 * A flow run as it was at one moment (for tests and the scenario script; HTTP clients see the same fields as JSON).
 * {@code startTime}, {@code finishTime}, {@code failedStep} and {@code workerId} are null until they apply.
 */
public record FlowRunSnapshot(
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
        int stepsCount) {
}
