package dev.pitwall.ops.timeline;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every action taken in Pitwall, from the audit log; a log that fails its hash-chain check says so as a problem. */
public final class AuditTimeline implements TimelineSource {

    private final AuditLog audit;

    public AuditTimeline(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit log";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        List<TimelineEntry> out = new ArrayList<>();
        for (AuditEntry a : audit.entries()) {
            out.add(new TimelineEntry(a.at(), TimelineKind.ACTION, TimelineEntry.Level.INFO, a.target(),
                    describe(a), a.actor()));
        }
        List<String> integrity = audit.verify().stream().map(p -> "TAMPERED OR TRUNCATED: " + p).toList();
        return new Reading(out, integrity);
    }

    /** "trust.fix by alice (after=SANDBOX_PROCESS, before=SANDBOX_CODE_ONLY)". */
    static String describe(AuditEntry a) {
        String details = a.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", "));
        return a.action() + " by " + a.actor() + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
