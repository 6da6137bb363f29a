package dev.pitwall.ops.trust;

import java.util.List;
import java.util.Optional;

/** A port: the worker workloads of the cluster. Failures are {@link TrustBackendException}s. */
public interface WorkloadSource {

    /** Every worker workload in scope, with its pods and revision history. */
    List<TrustWorkload> workloads();

    /** One workload, read afresh; empty when it no longer exists. */
    Optional<TrustWorkload> workload(WorkloadRef ref);

    /**
     * Follows the cluster's changes from now on: {@link #workloads()} then answers from what was followed instead of
     * asking the API server each time, and {@code changed} is called after each change. Closing stops following.
     */
    AutoCloseable follow(Runnable changed);
}
