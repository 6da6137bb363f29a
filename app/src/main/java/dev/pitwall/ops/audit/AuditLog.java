package dev.pitwall.ops.audit;

import java.util.List;
import java.util.Optional;

/** A port: the append-only audit log. */
public interface AuditLog {

    void record(AuditEntry entry);

    /**
     * Records {@code entry} and says where the log ends with it, taken in the same turn as the append so that no other
     * writer comes between; empty for a log that keeps no chain.
     */
    default Optional<AuditHead> append(AuditEntry entry) {
        record(entry);
        return Optional.empty();
    }

    /** Every entry, oldest first. */
    List<AuditEntry> entries();

    /** Checks the log has not been edited or cut: empty when intact, else what is wrong and where. */
    List<String> verify();

    /** What {@link #verify()} can prove. */
    default AuditProtection protection() {
        return AuditProtection.UNKEYED;
    }
}
