package dev.pitwall.ops.trust;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunQuery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A group's smoke test: triggers its smoke flow through the webhook, follows the run to its end, and reports pass or
 * fail with the failed step. The platform's asynchronous webhook answers without a run id; then the run is the one
 * that appears among the flow's newest runs after the trigger.
 */
public final class SmokeTester {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    static final Duration POLL = Duration.ofSeconds(1);
    static final int RECENT_RUNS = 20;

    private final FlowTrigger trigger;
    private final FlowRunSource runs;
    private final Pacer pacer;
    private final Duration poll;

    public SmokeTester(FlowTrigger trigger, FlowRunSource runs, Pacer pacer) {
        this(trigger, runs, pacer, POLL);
    }

    public SmokeTester(FlowTrigger trigger, FlowRunSource runs, Pacer pacer, Duration poll) {
        this.trigger = trigger;
        this.runs = runs;
        this.pacer = pacer;
        this.poll = poll;
    }

    /** Runs {@code group}'s smoke flow; PlatformException when the platform cannot be asked. */
    public SmokeResult run(GroupTrust group, Duration timeout, Consumer<String> progress)
            throws InterruptedException {
        SmokeFlow flow = group.smoke();
        if (flow == null) {
            return new SmokeResult(group.title(), SmokeResult.Outcome.NOT_CONFIGURED, null, null, null,
                    "the policy names no smoke flow for " + group.title(), Duration.ZERO);
        }
        long start = pacer.nanoTime();
        long deadline = start + timeout.toNanos();
        Set<String> before = recentRunIds(flow);
        progress.accept("triggering flow " + flow.flowId());
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("pitwallSmokeTest", "true");
        payload.put("group", group.title());
        payload.put("triggeredAt", pacer.now().toString());
        Optional<String> answered = trigger.trigger(flow.flowId(), payload);
        String runId = answered.orElse(null);
        while (runId == null) {
            progress.accept("looking for the new run of flow " + flow.flowId());
            runId = recentRunIds(flow).stream().filter(id -> !before.contains(id)).findFirst().orElse(null);
            if (runId == null && !waitMore(deadline)) {
                return timedOut(group, null, null, "no new run of flow " + flow.flowId() + " appeared", start);
            }
        }
        while (true) {
            Optional<FlowRun> run = runs.get(runId);
            String status = run.map(r -> r.status().raw()).orElse(null);
            if (run.isPresent() && !run.get().status().isInProgress()) {
                return finished(group, run.get(), start);
            }
            progress.accept("run " + runId + " " + (status == null ? "not visible yet" : status));
            if (!waitMore(deadline)) {
                return timedOut(group, runId, status, "run " + runId + " is still "
                        + (status == null ? "not visible" : status), start);
            }
        }
    }

    private SmokeResult finished(GroupTrust group, FlowRun run, long start) {
        Duration took = Duration.ofNanos(pacer.nanoTime() - start);
        if (run.status().raw().equals("SUCCEEDED")) {
            return new SmokeResult(group.title(), SmokeResult.Outcome.PASSED, run.id(), run.status().raw(), null,
                    null, took);
        }
        String step = run.failedStep() == null ? null : run.failedStep().name()
                + (run.failedStep().displayName() == null ? "" : " (" + run.failedStep().displayName() + ")");
        String message = run.failedStep() == null ? null : run.failedStep().message();
        return new SmokeResult(group.title(), SmokeResult.Outcome.FAILED, run.id(), run.status().toString(), step,
                message, took);
    }

    private SmokeResult timedOut(GroupTrust group, String runId, String status, String why, long start) {
        return new SmokeResult(group.title(), SmokeResult.Outcome.TIMED_OUT, runId, status, null, why,
                Duration.ofNanos(pacer.nanoTime() - start));
    }

    /** Waits one poll interval unless the deadline has passed; false when it has. */
    private boolean waitMore(long deadline) throws InterruptedException {
        long now = pacer.nanoTime();
        if (now >= deadline) {
            return false;
        }
        pacer.sleep(Duration.ofNanos(Math.min(poll.toNanos(), deadline - now)));
        return true;
    }

    private Set<String> recentRunIds(SmokeFlow flow) {
        RunQuery query = new RunQuery(flow.projectId(), List.of(flow.flowId()), List.of(), null, null, null, null,
                List.of());
        return runs.page(query, null, RECENT_RUNS).runs().stream().map(FlowRun::id)
                .collect(Collectors.toSet());
    }
}
