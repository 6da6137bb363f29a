package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.bullmq.BullQueue;
import dev.pitwall.demo.world.SimWorker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated workers' engine: takes waiting jobs to active on running workers of their queue (never more at once
 * than a worker's concurrency), and finishes them when their time comes or when their worker fails under them.
 * Ordinary outcomes complete the BullMQ job; only internal errors fail it.
 */
final class RunExecutor {

    private final RunStore store;
    private final Outcomes outcomes;
    /** In start order, so that finishing is deterministic. */
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final Map<String, Integer> busy = new HashMap<>();
    /** When each worker last took a job (a dispatch counter), so that equally busy workers take turns. */
    private final Map<String, Long> lastTook = new HashMap<>();
    private long dispatched;

    RunExecutor(RunStore store, Outcomes outcomes) {
        this.store = store;
        this.outcomes = outcomes;
    }

    int busy(String workerId) {
        return busy.getOrDefault(workerId, 0);
    }

    /** Finishes what is due at {@code now}, and what its worker can no longer run; renews the others' locks. */
    void finishDue(BullMqBatch batch, Map<String, SimWorker> roster, long now) {
        for (Iterator<Execution> it = executions.values().iterator(); it.hasNext(); ) {
            Execution ex = it.next();
            SimWorker worker = roster.get(ex.workerId);
            FlowRun run = ex.run;
            if (worker == null || !worker.running() || Outcomes.diskFull(worker)) {
                int step = ex.stepAt(now);
                String message = Outcomes.internalError(ex, worker, step);
                end(run, RunStatus.INTERNAL_ERROR, step, message, now);
                batch.fail(ex.queue, run.id, message, FlowJobs.stacktrace(message), now);
            } else if (ex.endsAt() <= now) {
                if (ex.failAt >= 0) {
                    end(run, RunStatus.FAILED, ex.failAt, ex.failMessage, ex.endsAt());
                } else {
                    end(run, RunStatus.SUCCEEDED, -1, null, ex.endsAt());
                }
                batch.complete(ex.queue, run.id, FlowJobs.returnValue(run), run.finishTime);
            } else {
                batch.extendLock(ex.queue, run.id, lockToken(ex.workerId));
                continue;
            }
            it.remove();
            busy.merge(ex.workerId, -1, Integer::sum);
        }
    }

    /** Free slots of {@code queue} among its running workers (how many waiting jobs to ask Redis for). */
    int freeSlots(BullQueue queue, List<SimWorker> workers) {
        int free = 0;
        for (SimWorker w : workers) {
            if (w.running() && queue.name().equals(w.queue())) {
                free += Math.max(0, w.concurrency() - busy(w.workerId()));
            }
        }
        return free;
    }

    /**
     * Takes the oldest waiting jobs ({@code waitingOldestLast}, as LRANGE returns the tail) of one queue to active on
     * its running workers, the least busy first. Jobs of runs this platform does not know are left alone.
     */
    void dispatch(BullMqBatch batch, BullQueue queue, List<String> waitingOldestLast, List<SimWorker> workers,
                  long now) {
        List<SimWorker> candidates = new ArrayList<>();
        for (SimWorker w : workers) {
            if (w.running() && queue.name().equals(w.queue())) {
                candidates.add(w);
            }
        }
        for (int i = waitingOldestLast.size() - 1; i >= 0; i--) {
            String jobId = waitingOldestLast.get(i);
            FlowRun run = store.get(jobId);
            if (run == null) {
                continue;
            }
            if (executions.containsKey(jobId)) {
                batch.dropWaiting(queue, jobId); // a second push of a job that already runs
                continue;
            }
            SimWorker worker = leastBusy(candidates);
            if (worker == null) {
                return;
            }
            Execution ex = outcomes.start(run, worker, queue, now);
            executions.put(jobId, ex);
            busy.merge(worker.workerId(), 1, Integer::sum);
            lastTook.put(worker.workerId(), ++dispatched);
            run.status = RunStatus.RUNNING;
            run.startTime = now;
            run.finishTime = FlowRun.NONE;
            run.failedStep = null;
            run.workerId = worker.workerId();
            batch.moveToActive(queue, jobId, now, lockToken(worker.workerId()));
        }
    }

    /**
     * The least busy worker with a free slot; among equally busy ones the one that took a job longest ago, as
     * workers polling the same queue share it (a worker that just started takes its turn at once).
     */
    private SimWorker leastBusy(List<SimWorker> candidates) {
        SimWorker best = null;
        for (SimWorker w : candidates) {
            int load = busy(w.workerId());
            if (load >= w.concurrency()) {
                continue;
            }
            if (best == null || load < busy(best.workerId()) || (load == busy(best.workerId())
                    && lastTook.getOrDefault(w.workerId(), 0L) < lastTook.getOrDefault(best.workerId(), 0L))) {
                best = w;
            }
        }
        return best;
    }

    private static void end(FlowRun run, RunStatus status, int step, String message, long finishTime) {
        run.status = status;
        run.finishTime = finishTime;
        run.failedStep = step < 0 ? null : FailedStep.at(run.flow.steps().get(step), message);
        run.stepsCount = (step < 0 ? run.flow.steps().size() : step + 1) + 1;
        run.resumeStep = 0;
    }

    private static String lockToken(String workerId) {
        return "sim:" + workerId;
    }
}
