package dev.pitwall.demo.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The run filters of the list, count and bulk-retry endpoints. Empty sets and null values match everything;
 * {@code createdAfter}/{@code createdBefore} are inclusive epoch milliseconds ({@link FlowRun#NONE} when absent).
 */
record RunQuery(
        String projectId,
        Set<String> flowIds,
        Set<RunStatus> statuses,
        Set<String> tags,
        long createdAfter,
        long createdBefore,
        String failedStepName,
        String failedStepMessage,
        Set<String> flowRunIds,
        Set<String> excludeFlowRunIds) {

    static RunQuery all() {
        return new RunQuery(null, Set.of(), EnumSet.noneOf(RunStatus.class), Set.of(), FlowRun.NONE, FlowRun.NONE,
                null, null, Set.of(), Set.of());
    }

    RunQuery withStatuses(Set<RunStatus> s) {
        return new RunQuery(projectId, flowIds, s, tags, createdAfter, createdBefore, failedStepName,
                failedStepMessage, flowRunIds, excludeFlowRunIds);
    }

    boolean matches(FlowRun run) {
        if (projectId != null && !projectId.equals(run.project().id())) {
            return false;
        }
        if (!flowIds.isEmpty() && !flowIds.contains(run.flow.id())) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(run.status)) {
            return false;
        }
        if (!tags.isEmpty()) {
            return false; // simulated runs carry no tags
        }
        if (createdAfter != FlowRun.NONE && run.created < createdAfter) {
            return false;
        }
        if (createdBefore != FlowRun.NONE && run.created > createdBefore) {
            return false;
        }
        if (failedStepName != null && (run.failedStep == null || !failedStepName.equals(run.failedStep.name()))) {
            return false;
        }
        if (failedStepMessage != null && (run.failedStep == null || run.failedStep.message() == null
                || !run.failedStep.message().contains(failedStepMessage))) {
            return false;
        }
        if (!flowRunIds.isEmpty() && !flowRunIds.contains(run.id)) {
            return false;
        }
        return !excludeFlowRunIds.contains(run.id);
    }
}
