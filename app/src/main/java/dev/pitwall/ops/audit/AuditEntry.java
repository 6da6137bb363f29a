package dev.pitwall.ops.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One action taken in Pitwall: who, when, what, on what, and the details (before/after values, counts). Never holds
 * a secret.
 */
public record AuditEntry(Instant at, String actor, String action, String target, Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
