package dev.pitwall.ops.audit;

import java.util.List;

/** A port: the append-only audit log. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Every entry, oldest first. */
    List<AuditEntry> entries();

    /** Checks the log has not been edited or cut: empty when intact, else what is wrong and where. */
    List<String> verify();
}
