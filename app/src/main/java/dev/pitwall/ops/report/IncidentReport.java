package dev.pitwall.ops.report;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditProtection;
import dev.pitwall.ops.timeline.IncidentWindow;
import dev.pitwall.ops.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * The skeleton of a postmortem for one incident window: summary, timeline, impact, actions taken (who and when, from
 * the audit log), and an action-items table left empty for the team.
 *
 * @param impact        null when the platform could not be asked ({@code problems} says why)
 * @param auditProblems what the audit log's hash-chain check found (empty when the log is intact)
 * @param problems      sources that could not be read: the report is then incomplete, and says so
 * @param auditProtection what the audit log's check can prove (keyed, or unkeyed)
 */
public record IncidentReport(IncidentWindow window, Instant end, Instant generatedAt, List<String> summary,
                             List<TimelineEntry> timeline, IncidentImpact impact, List<AuditEntry> actions,
                             List<String> auditProblems, List<String> problems, AuditProtection auditProtection) {

    public IncidentReport {
        summary = List.copyOf(summary);
        timeline = List.copyOf(timeline);
        actions = List.copyOf(actions);
        auditProblems = List.copyOf(auditProblems);
        problems = List.copyOf(problems);
    }

    public boolean auditIntact() {
        return auditProblems.isEmpty();
    }
}
