package dev.pitwall.ui.rollback;

import dev.pitwall.ops.rollback.WorkloadRef;

/**
 * A worker workload as the wizard lists it.
 *
 * @param group    AP_WORKER_GROUP_ID of its current revision, "" for shared workers
 * @param revision its current revision (0 when its template matches none)
 * @param problem  why its history could not be read, or null
 */
public record WorkloadRow(WorkloadRef ref, String group, long revision, String images, String mode, int revisions,
                          String problem) {

    public String kind() {
        return ref.kind() == WorkloadRef.Kind.DEPLOYMENT ? "Deployment" : "StatefulSet";
    }
}
