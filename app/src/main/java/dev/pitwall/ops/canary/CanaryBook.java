package dev.pitwall.ops.canary;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Where a canary's story is kept: its record in the journal (filed by the cluster), its changes in the audit log. */
final class CanaryBook {

    private final CanaryJournal journal;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;
    private final Supplier<TargetIdentity> here;

    /** @param here this connection's cluster: only its journal is read */
    CanaryBook(CanaryJournal journal, AuditLog audit, String actor, Clock clock, Supplier<TargetIdentity> here) {
        this.journal = journal;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.here = here;
    }

    Optional<CanaryRecord> load(WorkloadRef workload) {
        try {
            return journal.load(here.get(), workload);
        } catch (IOException e) {
            throw new UncheckedIOException("the canary journal of " + workload + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    void save(CanaryRecord r) {
        try {
            journal.save(r);
        } catch (IOException e) {
            throw new UncheckedIOException("the canary journal of " + r.workload() + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    void record(String action, WorkloadRef workload, Map<String, String> details) {
        audit.record(new AuditEntry(clock.instant(), actor, action, workload.toString(), details));
    }
}
