package dev.pitwall.ops.runs;

import java.time.Instant;
import java.util.List;

/**
 * A filter on flow runs, in the platform API's own terms (null or empty = no filter).
 *
 * @param statuses raw status values, e.g. FAILED, INTERNAL_ERROR
 */
public record RunQuery(
        String projectId,
        List<String> flowIds,
        List<String> statuses,
        Instant createdAfter,
        Instant createdBefore,
        String failedStepName,
        String failedStepMessage,
        List<String> runIds) {

    public RunQuery {
        flowIds = flowIds == null ? List.of() : List.copyOf(flowIds);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }

    /** Every run in a failed state created in [after, before). */
    public static RunQuery failedBetween(Instant after, Instant before) {
        return new RunQuery(null, List.of(), List.copyOf(dev.pitwall.model.RunStatus.failedStates()), after, before,
                null, null, List.of());
    }

    public RunQuery withProject(String project) {
        return new RunQuery(project, flowIds, statuses, createdAfter, createdBefore, failedStepName,
                failedStepMessage, runIds);
    }

    public RunQuery withRunIds(List<String> ids) {
        return new RunQuery(projectId, flowIds, statuses, createdAfter, createdBefore, failedStepName,
                failedStepMessage, ids);
    }
}
