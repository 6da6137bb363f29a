package dev.pitwall.ops.replay;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;

import java.util.List;
import java.util.Map;

/**
 * A journal that also leaves an audit record for the operation (start, stop, end) and for each batch, so that the
 * audit log and the incident report show every replay without the engine knowing about auditing.
 */
public final class AuditedJournal implements ReplayJournal {

    private final ReplayJournal journal;
    private final AuditLog audit;
    private final String actor;
    private String planId;

    public AuditedJournal(ReplayJournal journal, AuditLog audit, String actor) {
        this.journal = journal;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public void append(JournalEntry entry) {
        journal.append(entry);
        if (entry instanceof JournalEntry.Started s) {
            planId = s.plan().id();
            audit.record(new AuditEntry(s.at(), actor, "replay.started", "replay " + planId, Map.of(
                    "runs", String.valueOf(s.plan().items().size()),
                    "strategy", s.plan().strategy().name(),
                    "selection", s.plan().selection(),
                    "rate", String.valueOf(s.settings().ratePerSecond()),
                    "maxQueueDepth", String.valueOf(s.settings().maxQueueDepth()),
                    "canaryPerGroup", String.valueOf(s.settings().canaryPerGroup()))));
        } else if (entry instanceof JournalEntry.Sending s) {
            audit.record(new AuditEntry(s.at(), actor, "replay.batch.sent", target(), Map.of(
                    "batch", String.valueOf(s.batch()), "partition", s.partition(),
                    "runs", String.valueOf(s.ids().size()), "canary", String.valueOf(s.canary()))));
        } else if (entry instanceof JournalEntry.Answered a) {
            audit.record(new AuditEntry(a.at(), actor, "replay.batch.answered", target(), Map.of(
                    "batch", String.valueOf(a.batch()), "accepted", String.valueOf(a.accepted().size()),
                    "rejected", String.valueOf(a.rejected().size()))));
        } else if (entry instanceof JournalEntry.BatchFailed f) {
            audit.record(new AuditEntry(f.at(), actor, "replay.batch.failed", target(), Map.of(
                    "batch", String.valueOf(f.batch()), "reason", f.reason())));
        } else if (entry instanceof JournalEntry.Stopped s) {
            audit.record(new AuditEntry(s.at(), actor, "replay.stopped", target(), Map.of("reason", s.reason())));
        } else if (entry instanceof JournalEntry.Completed c) {
            audit.record(new AuditEntry(c.at(), actor, "replay.completed", target(), Map.of()));
        }
    }

    private String target() {
        if (planId == null) {
            List<JournalEntry> all = journal.readAll();
            if (!all.isEmpty() && all.get(0) instanceof JournalEntry.Started s) {
                planId = s.plan().id();
            }
        }
        return "replay " + planId;
    }

    @Override
    public List<JournalEntry> readAll() {
        return journal.readAll();
    }

    @Override
    public List<String> problems() {
        return journal.problems();
    }
}
