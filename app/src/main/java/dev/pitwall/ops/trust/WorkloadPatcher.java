package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

/** A port: changes a workload's declared execution mode. Failures are {@link TrustBackendException}s. */
public interface WorkloadPatcher {

    /** Whether this user may patch the workload (an access review; a review that cannot be made denies). */
    AccessDecision canPatch(WorkloadRef ref);

    /**
     * Sets AP_EXECUTION_MODE of {@code container} to {@code target} and the workload's change-cause annotation,
     * only if the variable still is {@code before}; otherwise changes nothing and throws
     * {@link TrustChangeException}.
     */
    void setExecutionMode(WorkloadRef ref, String container, DeclaredEnv before, ExecutionMode target,
                          String changeCause);
}
