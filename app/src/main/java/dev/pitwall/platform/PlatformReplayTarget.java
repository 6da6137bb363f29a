package dev.pitwall.platform;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.replay.ItemStatus;
import dev.pitwall.ops.replay.ReplayBatch;
import dev.pitwall.ops.replay.ReplayTarget;
import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replays through the platform: the bulk retry endpoint per project, statuses by listing runs by id. */
public final class PlatformReplayTarget implements ReplayTarget {

    private final PlatformFlowRuns runs;

    public PlatformReplayTarget(PlatformFlowRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<RetryOutcome> write(ReplayBatch batch) {
        return runs.retry(batch.partition(), batch.strategy(), batch.ids());
    }

    @Override
    public Map<String, ItemStatus> status(String projectId, List<String> ids) {
        Map<String, ItemStatus> out = new HashMap<>();
        RunQuery query = new RunQuery(projectId, null, null, null, null, null, null, ids);
        String cursor = null;
        do {
            RunPage page = runs.page(query, cursor, Math.max(10, ids.size()));
            for (FlowRun run : page.runs()) {
                if (run.id() != null) {
                    out.put(run.id(), statusOf(run));
                }
            }
            cursor = page.next();
        } while (cursor != null && !cursor.isBlank() && out.size() < ids.size());
        ids.forEach(id -> out.putIfAbsent(id, ItemStatus.of(ItemStatus.Kind.MISSING)));
        return out;
    }

    static ItemStatus statusOf(FlowRun run) {
        String raw = run.status().raw();
        ItemStatus.Kind kind = switch (raw) {
            case "QUEUED" -> ItemStatus.Kind.QUEUED;
            case "RUNNING" -> ItemStatus.Kind.RUNNING;
            case "SUCCEEDED" -> ItemStatus.Kind.SUCCEEDED;
            default -> run.status().isFailed() ? ItemStatus.Kind.FAILED : ItemStatus.Kind.OTHER;
        };
        return new ItemStatus(kind, raw, run.failedStep() == null ? null : run.failedStep().name(),
                run.failedStep() == null ? null : run.failedStep().message(), run.finishTime());
    }
}
