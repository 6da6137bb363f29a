package dev.pitwall.ops.report;

import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.timeline.IncidentTimeline;
import dev.pitwall.ops.timeline.TimelineSource;

import java.time.Clock;
import java.util.List;

/**
 * What the incident timeline and report read, composed for one profile: the timeline's sources, the impact counter
 * (null without a platform, with the reason), the audit log, and notes on sources the profile cannot give (no Redis:
 * no queue spikes). Closing it releases the back-end clients.
 */
public record ReportSources(List<TimelineSource> sources, ImpactCounter impact, String impactMissing, AuditLog audit,
                            List<String> notes, AutoCloseable resources) implements AutoCloseable {

    public ReportSources {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    public IncidentTimeline timeline() {
        return new IncidentTimeline(sources);
    }

    public IncidentReporter reporter(Clock clock) {
        return new IncidentReporter(timeline(), impact, impactMissing, audit, clock);
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
