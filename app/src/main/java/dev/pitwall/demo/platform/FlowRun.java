package dev.pitwall.demo.platform;

import java.time.Instant;

/**
 * One flow run, kept small (a few references and primitives) so that hundreds of thousands fit cheaply. Mutated only
 * under the simulator's lock; everything outside the package sees {@link FlowRunSnapshot}s.
 */
final class FlowRun {

    static final long NONE = Long.MIN_VALUE;

    final String id;
    final Flow flow;
    final String flowVersionId;
    final long created;
    /** Position in the store: creation order, the key of cursors. */
    int seq;
    RunStatus status = RunStatus.QUEUED;
    long startTime = NONE;
    long finishTime = NONE;
    FailedStep failedStep;
    String workerId;
    /** How many steps (trigger included) the run has executed. */
    int stepsCount;
    /** The step the next execution starts at (a retry from the failed step keeps the steps before it). */
    int resumeStep;
    int retryRequests;

    FlowRun(String id, Flow flow, String flowVersionId, long created) {
        this.id = id;
        this.flow = flow;
        this.flowVersionId = flowVersionId;
        this.created = created;
    }

    Project project() {
        return flow.project();
    }

    FlowRunSnapshot snapshot() {
        return new FlowRunSnapshot(id, project().id(), flow.id(), flowVersionId, status, Instant.ofEpochMilli(created),
                instant(startTime), instant(finishTime), failedStep, workerId, stepsCount);
    }

    static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }
}
