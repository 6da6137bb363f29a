package dev.pitwall.testing;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;

/** The audit log in memory, for engine tests (the file log has its own tests). */
public final class MemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public List<String> verify() {
        return List.of();
    }

    /** The actions recorded, in order. */
    public List<String> actions() {
        return entries().stream().map(AuditEntry::action).toList();
    }
}
