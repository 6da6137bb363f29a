package dev.pitwall.ui.warroom;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.report.IncidentReportWriter;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.AuditTimeline;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.ops.timeline.TimelineSource;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Marking an incident, filtering its timeline by kind, a tampered audit log shown, and the report exported. */
class IncidentViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<IncidentReport> written = new ArrayList<>();
    private final List<String> auditProblems = new ArrayList<>();

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
            return Reading.of(List.of(
                    new TimelineEntry(T0.minus(Duration.ofMinutes(30)), TimelineKind.ALERT,
                            TimelineEntry.Level.WARNING, "old", "before the incident", null),
                    new TimelineEntry(T0.plus(Duration.ofMinutes(5)), TimelineKind.ALERT,
                            TimelineEntry.Level.CRITICAL, "ap-shared/w-1", "crash-loop raised", null)));
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

    private IncidentViewModel model() {
        ReportSources sources = new ReportSources(List.of(alerts, new AuditTimeline(audit)), null, "no platform",
                audit, List.of(), null);
        return new IncidentViewModel(sources, writer, Path.of("reports"), new DirectExecutor(), Runnable::run, clock,
                ZoneOffset.UTC);
    }

    @Test
    void theMarkedWindowIsShownAndFilteredByKind() {
        IncidentViewModel model = model();
        model.markStart();
        clock.advance(Duration.ofMinutes(20));
        model.markEnd();
        assertThat(model.windowTextProperty().get()).isEqualTo("Incident from 2026-11-27 22:00:00 to "
                + "2026-11-27 22:20:00");
        assertThat(model.entries()).extracting(TimelineEntry::text).containsExactly("crash-loop raised",
                "trust.fix by alice");
        model.kinds().remove(TimelineKind.ALERT);
        assertThat(model.entries()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.ACTION);
        model.kinds().add(TimelineKind.ALERT);
        assertThat(model.entries()).hasSize(2);
        assertThat(model.auditTamperedProperty().get()).isFalse();
    }

    @Test
    void aTamperedAuditLogIsShown() {
        auditProblems.add("line 1: its content was changed after it was written");
        IncidentViewModel model = model();
        model.refresh();
        assertThat(model.auditTamperedProperty().get()).isTrue();
        assertThat(model.problemsProperty().get()).contains("audit log: TAMPERED OR TRUNCATED: line 1");
    }

    @Test
    void theReportIsExportedForTheMarkedWindow() {
        IncidentViewModel model = model();
        model.markEnd();
        assertThat(model.messageProperty().get()).startsWith("Mark the start first");
        model.markStart();
        clock.advance(Duration.ofMinutes(15));
        model.exportReport();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.window().start()).isEqualTo(T0);
            assertThat(r.window().isOpen()).isTrue();
            assertThat(r.end()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
            assertThat(r.actions()).hasSize(1);
        });
        assertThat(model.messageProperty().get()).startsWith("Report written: reports");
    }
}
