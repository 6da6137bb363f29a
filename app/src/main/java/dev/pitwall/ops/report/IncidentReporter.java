package dev.pitwall.ops.report;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.audit.AuditProtection;
import dev.pitwall.ops.timeline.IncidentTimeline;
import dev.pitwall.ops.timeline.IncidentWindow;
import dev.pitwall.ops.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the incident report of a window from the timeline, the impact counts and the audit log. */
public final class IncidentReporter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentTimeline timeline;
    private final ImpactCounter impact;
    private final String impactMissing;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param impact        null when there is no platform to count runs on; {@code impactMissing} then says why
     */
    public IncidentReporter(IncidentTimeline timeline, ImpactCounter impact, String impactMissing, AuditLog audit,
                            Clock clock) {
        this.timeline = timeline;
        this.impact = impact;
        this.impactMissing = impactMissing;
        this.audit = audit;
        this.clock = clock;
    }

    /** Blocking I/O: call from a background thread. */
    public IncidentReport build(IncidentWindow window) {
        Instant now = clock.instant();
        Instant end = window.endOr(now);
        IncidentTimeline.Result events = timeline.read(window.start(), end);
        List<String> problems = new ArrayList<>(events.problems());
        IncidentImpact counted = null;
        if (impact == null) {
            problems.add("impact: " + impactMissing);
        } else {
            try {
                ImpactCounter.Counted c = impact.count(window.start(), end);
                counted = c.impact();
                problems.addAll(c.problems());
            } catch (RuntimeException e) {
                problems.add("impact: the platform could not be asked: " + e.getMessage());
            }
        }
        List<AuditEntry> actions = audit.entries().stream()
                .filter(a -> !a.at().isBefore(window.start()) && a.at().isBefore(end)).toList();
        List<String> auditProblems = audit.verify();
        AuditProtection protection = audit.protection();
        List<String> summary = summary(window, end, events.entries(), counted, actions, auditProblems, protection);
        return new IncidentReport(window, end, now, summary, events.entries(), counted, actions, auditProblems,
                problems, protection);
    }

    private static List<String> summary(IncidentWindow window, Instant end, List<TimelineEntry> entries,
                                        IncidentImpact impact, List<AuditEntry> actions, List<String> auditProblems,
                                        AuditProtection protection) {
        List<String> lines = new ArrayList<>();
        lines.add("Window: " + UTC.format(window.start()) + " to " + UTC.format(end)
                + (window.isOpen() ? " (still open: no end marked)" : "") + ", "
                + Duration.between(window.start(), end).toMinutes() + " min.");
        entries.stream().filter(e -> e.level() != TimelineEntry.Level.INFO).findFirst().ifPresent(e ->
                lines.add("First signal: " + UTC.format(e.at()) + " " + e.kind().text() + " on " + e.subject()
                        + ": " + e.text()));
        if (impact != null) {
            lines.add("Impact: " + (impact.capped() ? "at least " : "") + impact.failed() + " failed runs in "
                    + impact.byGroup().size() + " groups; " + impact.replayed() + " replayed, " + impact.recovered()
                    + " recovered, " + impact.stillFailing() + " still failing.");
        }
        String who = actions.stream().map(AuditEntry::actor).distinct().sorted().collect(Collectors.joining(", "));
        lines.add("Actions in Pitwall: " + actions.size() + (actions.isEmpty() ? "." : " by " + who + "."));
        lines.add(auditProblems.isEmpty() ? "Audit log: intact (hash chain verified; " + protection.text() + ")."
                : "Audit log: TAMPERED OR TRUNCATED (" + protection.text() + ") \u2014 "
                + String.join("; ", auditProblems));
        return lines;
    }
}
