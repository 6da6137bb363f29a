package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullQueue;

/**
 * A run being executed on a worker: from which step, how long each step takes, and how it will end if the worker
 * stays healthy ({@code failAt} = -1 for success).
 */
final class Execution {

    final FlowRun run;
    final String workerId;
    final BullQueue queue;
    final long start;
    final int fromStep;
    final long stepMillis;
    final int failAt;
    final String failMessage;

    Execution(FlowRun run, String workerId, BullQueue queue, long start, int fromStep, long stepMillis, int failAt,
              String failMessage) {
        this.run = run;
        this.workerId = workerId;
        this.queue = queue;
        this.start = start;
        this.fromStep = fromStep;
        this.stepMillis = stepMillis;
        this.failAt = failAt;
        this.failMessage = failMessage;
    }

    /** When the run ends: after its last step, or after the step it fails at. */
    long endsAt() {
        int last = failAt >= 0 ? failAt : run.flow.steps().size() - 1;
        return start + (last - fromStep + 1) * stepMillis;
    }

    /** The step being executed at {@code now}. */
    int stepAt(long now) {
        int step = fromStep + (int) Math.max(0, (now - start) / stepMillis);
        return Math.min(step, run.flow.steps().size() - 1);
    }
}
