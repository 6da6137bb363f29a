package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.bullmq.NewJob;
import dev.pitwall.demo.world.SimWorker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeds past runs before the simulation starts. Internal errors younger than BullMQ's removeOnFail age also get
 * their failed job in Redis, since that is where the console finds them; other past jobs are not written.
 */
final class History {

    private static final int WRITES_PER_ROUND_TRIP = 5_000;

    private final Catalog catalog;
    private final RunStore store;
    private final Ids ids;
    private final Random random;
    private final QueueMeta meta;

    History(Catalog catalog, RunStore store, Ids ids, Random random, QueueMeta meta) {
        this.catalog = catalog;
        this.store = store;
        this.ids = ids;
        this.random = random;
        this.meta = meta;
    }

    void seed(HistorySeed spec, long now, List<SimWorker> workers, BullMqBatch batch) {
        if (store.size() > 0) {
            throw new IllegalStateException("history can only be seeded before the first run exists");
        }
        long spanMillis = spec.span().toMillis();
        long[] created = new long[spec.runs()];
        for (int i = 0; i < created.length; i++) {
            created[i] = now - 60_000 - (long) (random.nextDouble() * Math.max(0, spanMillis - 60_000));
        }
        Arrays.sort(created);
        List<Flow> flows = catalog.flows();
        long failJobsAfter = now - FlowJobs.REMOVE_ON_FAIL_AGE_SECONDS * 1000;
        int pending = 0;
        for (long at : created) {
            Flow flow = flows.get(random.nextInt(flows.size()));
            FlowRun run = new FlowRun(ids.next(), flow, flow.versionIds().get(random.nextInt(
                    flow.versionIds().size())), at);
            run.workerId = pickWorker(workers, flow.project());
            run.startTime = at + random.nextInt(3_000);
            int steps = flow.steps().size();
            double draw = random.nextDouble();
            int failStep = random.nextInt(steps);
            int errorDraw = random.nextInt(100);
            if (draw < spec.internalErrorShare()) {
                fail(run, RunStatus.INTERNAL_ERROR, failStep,
                        Outcomes.noSpaceLeft(run.flowVersionId, flow.steps().get(failStep).name()));
                if (run.finishTime > failJobsAfter) {
                    meta.ensure(batch, flow.project().queue());
                    NewJob job = FlowJobs.begin(run, run.created);
                    String reason = run.failedStep.message();
                    batch.addFailed(flow.project().queue(), job, run.startTime, run.finishTime, reason,
                            FlowJobs.JSON.createArrayNode().add(FlowJobs.stacktrace(reason)).toString());
                    if (++pending == WRITES_PER_ROUND_TRIP) {
                        batch.sync();
                        pending = 0;
                    }
                }
            } else if (draw < spec.internalErrorShare() + spec.failedShare()) {
                fail(run, RunStatus.FAILED, failStep, Outcomes.stepError(errorDraw));
            } else {
                run.status = RunStatus.SUCCEEDED;
                run.stepsCount = steps + 1;
                run.finishTime = run.startTime + 1_500L * steps;
            }
            store.add(run);
        }
        batch.sync();
    }

    private static void fail(FlowRun run, RunStatus status, int step, String message) {
        run.status = status;
        run.failedStep = FailedStep.at(run.flow.steps().get(step), message);
        run.stepsCount = step + 2;
        run.finishTime = run.startTime + 1_500L * (step + 1);
    }

    private String pickWorker(List<SimWorker> workers, Project project) {
        List<SimWorker> ofQueue = new ArrayList<>();
        for (SimWorker w : workers) {
            if (project.queue().name().equals(w.queue())) {
                ofQueue.add(w);
            }
        }
        return ofQueue.isEmpty() ? null : ofQueue.get(random.nextInt(ofQueue.size())).workerId();
    }
}
