package dev.pitwall.ui.warroom;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.report.IncidentReportWriter;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.AuditTimeline;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.ops.timeline.TimelineSource;
import dev.pitwall.testing.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An incident's sources for the Incident screen's tests: an alert before the incident and one in it, a Pitwall action
 * (trust.fix by alice) in the audit log, whose check finds the problems the test adds; reports are kept, not written.
 */
final class IncidentFixture {

    static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final List<IncidentReport> written = new ArrayList<>();
    final List<String> auditProblems = new ArrayList<>();
    /** Alerts raised after the screen opened. */
    final List<TimelineEntry> alertsLater = new ArrayList<>();

    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
        }

        @Override
        public List<AuditEntry> entries() {
            return List.of(new AuditEntry(T0.plus(Duration.ofMinutes(8)), "alice", "trust.fix", "globex", Map.of()));
        }

        @Override
        public List<String> verify() {
            return auditProblems;
        }
    };

    private final TimelineSource alerts = new TimelineSource() {
        @Override
        public String name() {
            return "alerts";
        }

        @Override
        public Reading read(Instant from, Instant to) {
            List<TimelineEntry> all = new ArrayList<>(List.of(
                    new TimelineEntry(T0.minus(Duration.ofMinutes(30)), TimelineKind.ALERT,
                            TimelineEntry.Level.WARNING, "old", "before the incident", null),
                    new TimelineEntry(T0.plus(Duration.ofMinutes(5)), TimelineKind.ALERT,
                            TimelineEntry.Level.CRITICAL, "ap-shared/w-1", "crash-loop raised", null)));
            all.addAll(alertsLater);
            return Reading.of(all.stream().filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to)).toList());
        }
    };

    private final IncidentReportWriter writer = new IncidentReportWriter() {
        @Override
        public String markdown(IncidentReport report) {
            return "";
        }

        @Override
        public String json(IncidentReport report) {
            return "";
        }

        @Override
        public List<Path> write(IncidentReport report, Path dir) {
            written.add(report);
            return List.of(dir.resolve("incident.md"), dir.resolve("incident.json"));
        }
    };

    IncidentViewModel model(BackgroundExecutor executor, Consumer<Runnable> toFx) {
        ReportSources sources = new ReportSources(List.of(alerts, new AuditTimeline(audit)), null, "no platform",
                audit, List.of(), null);
        return new IncidentViewModel(sources, writer, Path.of("reports"), executor, toFx, clock, ZoneOffset.UTC);
    }
}
