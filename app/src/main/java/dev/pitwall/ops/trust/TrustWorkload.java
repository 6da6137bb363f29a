package dev.pitwall.ops.trust;

import java.util.List;

/**
 * A worker workload as the cluster has it: its group, the mode its pod template declares, its pods and its
 * revision history.
 *
 * @param groupId   AP_WORKER_GROUP_ID of its pod template, or null for shared workers
 * @param container the container that runs the worker (where AP_EXECUTION_MODE is read and set)
 * @param replicas  the desired number of pods
 */
public record TrustWorkload(WorkloadRef ref, String groupId, String container, DeclaredEnv declared, int replicas,
                            List<WorkerPod> pods, List<WorkloadRevision> revisions) {

    /** The group name of workers without AP_WORKER_GROUP_ID. */
    public static final String SHARED_GROUP = "shared";

    public TrustWorkload {
        pods = List.copyOf(pods);
        revisions = List.copyOf(revisions);
    }

    /** AP_WORKER_GROUP_ID, or "shared". */
    public String group() {
        return groupId == null || groupId.isBlank() ? SHARED_GROUP : groupId;
    }
}
