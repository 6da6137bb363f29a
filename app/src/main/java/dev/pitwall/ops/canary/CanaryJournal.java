package dev.pitwall.ops.canary;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.Optional;

/**
 * A port: the local journal of canaries, one record per workload of each cluster (filed by the cluster's identity,
 * so that a canary of one cluster is never shown or changed on another with the same names), written after every
 * change.
 */
public interface CanaryJournal {

    /**
     * The last record of the workload's canary on {@code cluster}; empty when there is none (an unreadable file is
     * an IOException).
     */
    Optional<CanaryRecord> load(TargetIdentity cluster, WorkloadRef workload) throws java.io.IOException;

    /** Files the record under its own cluster. */
    void save(CanaryRecord record) throws java.io.IOException;
}
