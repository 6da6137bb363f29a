package dev.pitwall.ops.canary;

import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.Optional;

/** A port: the local journal of canaries, one record per workload, written after every change. */
public interface CanaryJournal {

    /** The last record of the workload's canary; empty when there is none (an unreadable file is an IOException). */
    Optional<CanaryRecord> load(WorkloadRef workload) throws java.io.IOException;

    void save(CanaryRecord record) throws java.io.IOException;
}
