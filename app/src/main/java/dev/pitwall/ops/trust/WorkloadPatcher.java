package dev.pitwall.ops.trust;

import dev.pitwall.ops.guard.WritePort;

import java.util.Optional;

/**
 * A port: changes a workload's declared execution mode. Its write ({@link #write} of a {@link ModeWrite}, answered
 * with the workload's new resourceVersion) is a write port: only the guard calls it. Failures are
 * {@link TrustBackendException}s.
 */
public interface WorkloadPatcher extends WritePort<ModeWrite, String> {

    /** Whether this user may patch the workload (an access review; a review that cannot be made denies). */
    AccessDecision canPatch(WorkloadRef ref);

    /** The workload's UID now, empty when it no longer exists (one recreated under its name has another). */
    Optional<String> uid(WorkloadRef ref);
}
