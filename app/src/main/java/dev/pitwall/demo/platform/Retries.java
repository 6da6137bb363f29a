package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.world.SimClock;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retries runs as the platform does. From the failed step: the old BullMQ job is removed (BullMQ ignores an add whose
 * id exists) and a RESUME job with the same id is added, the run shows QUEUED at once. On the latest version: a new
 * run and job. Every request is counted per run id, refused or not, so tests can prove a run was retried once.
 */
final class Retries {

    private final RunStore store;
    private final Ids ids;
    private final SimClock clock;
    private final Duration retention;
    private final QueueMeta meta;

    Retries(RunStore store, Ids ids, SimClock clock, Duration retention, QueueMeta meta) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.retention = retention;
        this.meta = meta;
    }

    /** Retries one named run of {@code projectId}. */
    RetryOutcome retry(BullMqBatch batch, String runId, String projectId, RetryStrategy strategy) {
        FlowRun run = store.get(runId);
        if (run == null || !run.project().id().equals(projectId)) {
            if (run != null) {
                run.retryRequests++;
            }
            return new RetryOutcome(runId, null, RetryOutcome.NOT_FOUND,
                    "flow run " + runId + " not found in project " + projectId);
        }
        run.retryRequests++;
        long now = clock.now().toEpochMilli();
        if (run.created < now - retention.toMillis()) {
            return refused(run, RetryOutcome.OUTSIDE_RETENTION, "flow run " + runId + " was created "
                    + FlowRun.instant(run.created) + ", outside the " + retention.toDays() + "-day retention");
        }
        if (!run.status.isFailed()) {
            return refused(run, RetryOutcome.NOT_FAILED, "flow run " + runId + " is " + run.status
                    + ", only failed runs can be retried");
        }
        meta.ensure(batch, run.project().queue());
        if (strategy == RetryStrategy.ON_LATEST_VERSION) {
            FlowRun fresh = new FlowRun(ids.next(), run.flow, run.flow.latestVersionId(), now);
            store.add(fresh);
            batch.add(fresh.project().queue(), FlowJobs.begin(fresh, now));
            return new RetryOutcome(runId, fresh.snapshot(), null, null);
        }
        batch.remove(run.project().queue(), run.id, run.status == RunStatus.INTERNAL_ERROR ? "failed" : "completed");
        run.resumeStep = failedStepIndex(run);
        run.status = RunStatus.QUEUED;
        run.failedStep = null;
        run.startTime = FlowRun.NONE;
        run.finishTime = FlowRun.NONE;
        batch.add(run.project().queue(), FlowJobs.resume(run, now));
        return new RetryOutcome(runId, run.snapshot(), null, null);
    }

    /** Retries each of {@code selected} (already filtered to the project), in order, each at most once. */
    List<RetryOutcome> retryAll(BullMqBatch batch, List<String> selected, String projectId, RetryStrategy strategy) {
        Set<String> seen = new HashSet<>();
        return selected.stream().filter(seen::add).map(id -> retry(batch, id, projectId, strategy)).toList();
    }

    private static RetryOutcome refused(FlowRun run, String code, String message) {
        return new RetryOutcome(run.id, run.snapshot(), code, message);
    }

    private static int failedStepIndex(FlowRun run) {
        if (run.failedStep == null) {
            return 0;
        }
        List<FlowStep> steps = run.flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(run.failedStep.name())) {
                return i;
            }
        }
        return 0;
    }
}
