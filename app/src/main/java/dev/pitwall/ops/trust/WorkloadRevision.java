package dev.pitwall.ops.trust;

import java.time.Instant;

/**
 * One entry of a workload's revision history (a ReplicaSet or ControllerRevision).
 *
 * @param created     when the revision was created, or null when unknown
 * @param changeCause its kubernetes.io/change-cause annotation, or null
 * @param image       the worker container's image in that revision, or null
 * @param declared    AP_EXECUTION_MODE in that revision's pod template
 */
public record WorkloadRevision(long revision, Instant created, String changeCause, String image,
                               DeclaredEnv declared) {
}
