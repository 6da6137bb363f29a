package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

/**
 * The one write of a trust fix: AP_EXECUTION_MODE of {@code container} set to {@code target}, with the workload's
 * change-cause annotation, only if the variable still is {@code before} (otherwise nothing is changed and the
 * write port throws {@link TrustChangeException}).
 */
public record ModeWrite(WorkloadRef ref, String container, DeclaredEnv before, ExecutionMode target,
                         String changeCause) {
}
