package dev.pitwall.ops.replay;

import dev.pitwall.testing.Guards;
import dev.pitwall.model.FailedStep;
import dev.pitwall.model.FlowRun;
import dev.pitwall.model.RunStatus;
import dev.pitwall.ops.runs.RetryStrategy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlannerTest {

    private final Instant now = Instant.parse("2026-11-28T06:00:00Z");
    private final ReplayPlanner planner = new ReplayPlanner(Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30));

    private FlowRun run(String id, String status, Instant created, Instant archived, String message) {
        return new FlowRun(id, "proj-1", "flow-1", "v1", new RunStatus(status), created, created, created,
                new FailedStep("step_2", "Send email", message), null, archived, null);
    }

    @Test
    void failedRunsArePlannedAndTheRestExcludedWithTheirReason() {
        Instant recent = now.minus(Duration.ofHours(2));
        List<FlowRun> runs = List.of(
                run("a", "FAILED", recent, null, "ENOSPC: no space left, write '/cache/1'"),
                run("b", "INTERNAL_ERROR", recent, null, "ENOSPC: no space left, write '/cache/2'"),
                run("c", "SUCCEEDED", recent, null, null),
                run("d", "QUEUED", recent, null, null),
                run("e", "FAILED", now.minus(Duration.ofDays(31)), null, "old"),
                run("f", "FAILED", recent, now, "archived"),
                run("g", "PAUSED", recent, null, null),
                run("h", "WEIRD_NEW_STATE", recent, null, null),
                run("a", "FAILED", recent, null, "ENOSPC: no space left, write '/cache/1'"),
                new FlowRun("i", null, null, null, new RunStatus(""), null, null, null, null, null, null,
                        "run without an id"));
        ReplayPlan plan = planner.plan(runs, RetryStrategy.FROM_FAILED_STEP, "last 6 h", Guards.PLATFORM);

        assertThat(plan.items()).extracting(ReplayItem::id).containsExactly("a", "b");
        assertThat(plan.countsByGroup()).containsExactly(
                Map.entry("flow-1 / step_2 / ENOSPC: no space left, write <value>", 2L));
        assertThat(plan.exclusions()).extracting(Exclusion::id, Exclusion::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("c", "succeeded since"),
                org.assertj.core.groups.Tuple.tuple("d", "retried since (QUEUED)"),
                org.assertj.core.groups.Tuple.tuple("e", "outside retention"),
                org.assertj.core.groups.Tuple.tuple("f", "archived"),
                org.assertj.core.groups.Tuple.tuple("g", "not in a failed state (PAUSED)"),
                org.assertj.core.groups.Tuple.tuple("h", "not in a failed state (WEIRD_NEW_STATE (unknown status))"),
                org.assertj.core.groups.Tuple.tuple("i", "malformed: run without an id"));
    }
}
