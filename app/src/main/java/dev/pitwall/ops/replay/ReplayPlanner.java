package dev.pitwall.ops.replay;

import dev.pitwall.model.FlowRun;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunGroupKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns selected runs (their current state, as just read from the platform) into a plan: runs still in a failed
 * state are replayed; the rest are excluded with the reason an on-call engineer needs to trust the numbers.
 */
public final class ReplayPlanner {

    /** Activepieces' default execution-data retention: older runs cannot be retried from their failed step. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final Clock clock;
    private final Duration retention;

    public ReplayPlanner(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** @param platform the platform the runs were read from: the plan belongs to it */
    public ReplayPlan plan(Iterable<FlowRun> runs, RetryStrategy strategy, String selection, TargetIdentity platform) {
        Instant now = clock.instant();
        Instant oldestRetryable = now.minus(retention);
        List<ReplayItem> items = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (FlowRun run : runs) {
            if (run.id() != null && !seen.add(run.id())) {
                continue; // the same run on two pages (a run moved while paging): plan it once
            }
            String reason = exclusionReason(run, oldestRetryable);
            if (reason != null) {
                exclusions.add(new Exclusion(run.id() == null ? "(no id)" : run.id(), reason));
            } else {
                items.add(new ReplayItem(run.id(), run.projectId(), run.flowId(),
                        run.failedStep() == null ? null : run.failedStep().name(),
                        RunGroupKey.of(run).toString(), run.created(), run.finishTime()));
            }
        }
        return new ReplayPlan(UUID.randomUUID().toString(), now, ReplaySource.PLATFORM, strategy, selection, items,
                exclusions, platform);
    }

    /**
     * A plan for a BullMQ queue without a platform API: every readable job of its failed set.
     *
     * @param redis the Redis the jobs were read from: the plan belongs to it
     */
    public ReplayPlan planJobs(Iterable<FailedJobRef> jobs, String selection, TargetIdentity redis) {
        List<ReplayItem> items = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (FailedJobRef job : jobs) {
            if (!seen.add(job.queue() + "/" + job.id())) {
                continue;
            }
            if (job.problem() != null) {
                exclusions.add(new Exclusion(job.id(), "malformed: " + job.problem()));
                continue;
            }
            String group = job.queue() + " / " + (job.name() == null ? "(no name)" : job.name()) + " / "
                    + dev.pitwall.ops.runs.ErrorSignature.of(job.failedReason());
            items.add(new ReplayItem(job.id(), job.queue(), null, null, group, null, job.finishedOn()));
        }
        return new ReplayPlan(UUID.randomUUID().toString(), clock.instant(), ReplaySource.BULLMQ,
                RetryStrategy.FROM_FAILED_STEP, selection, items, exclusions, redis);
    }

    private static String exclusionReason(FlowRun run, Instant oldestRetryable) {
        if (run.isMalformed()) {
            return "malformed: " + run.problem();
        }
        if (run.projectId() == null) {
            return "malformed: no projectId";
        }
        if (run.isArchived()) {
            return "archived";
        }
        if (run.status().isTakenUp()) {
            return run.status().raw().equals("SUCCEEDED") ? "succeeded since" : "retried since ("
                    + run.status().raw() + ")";
        }
        if (!run.status().isFailed()) {
            return "not in a failed state (" + run.status() + ")";
        }
        if (run.created() != null && run.created().isBefore(oldestRetryable)) {
            return "outside retention";
        }
        return null;
    }
}
