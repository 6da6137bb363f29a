package dev.pitwall.ui.rollback;

import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.List;

/**
 * A worker workload as the wizard lists it.
 *
 * @param group    AP_WORKER_GROUP_ID of its current revision, "" for shared workers
 * @param revision its current revision (0 when its template matches none)
 * @param problem  why its history could not be read, or null
 */
public record WorkloadRow(WorkloadRef ref, String group, long revision, String images, String mode, int revisions,
                          String problem) {

    private static final String GROUP_ENV = "AP_WORKER_GROUP_ID";

    /** Reads {@code ref}'s history and current revision (in the background: it asks the cluster). */
    static WorkloadRow read(WorkloadRef ref, RollbackPlanner planner) {
        List<Revision> revisions = planner.history(ref);
        long now = planner.currentRevision(ref);
        Revision cur = revisions.stream().filter(r -> r.number() == now).findFirst().orElse(null);
        return new WorkloadRow(ref, cur == null ? "" : cur.env(GROUP_ENV), now,
                cur == null ? "" : String.join(", ", cur.images()),
                cur == null || cur.executionMode().isEmpty() ? "(not set)" : cur.executionMode(),
                revisions.size(), null);
    }

    public String kind() {
        return ref.kind() == WorkloadRef.Kind.DEPLOYMENT ? "Deployment" : "StatefulSet";
    }
}
