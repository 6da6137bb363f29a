package dev.pitwall.ui.warroom;

import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Marking an incident, filtering its timeline by kind, a tampered audit log shown, and the report exported. */
class IncidentViewModelTest {

    private final IncidentFixture fx = new IncidentFixture();
    private final MutableClock clock = fx.clock;
    private final List<IncidentReport> written = fx.written;
    private final List<String> auditProblems = fx.auditProblems;

    private IncidentViewModel model() {
        return fx.model(new DirectExecutor(), Runnable::run);
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
    void anOpenIncidentIsFollowedAndAnEndedOneIsNot() {
        DirectExecutor executor = new DirectExecutor();
        IncidentViewModel model = fx.model(executor, Runnable::run);
        model.follow(Duration.ofSeconds(15));
        model.refresh();
        assertThat(model.entries()).extracting(TimelineEntry::text).contains("crash-loop raised")
                .doesNotContain("volume full");
        fx.alertsLater.add(new TimelineEntry(IncidentFixture.T0.plus(Duration.ofMinutes(9)), TimelineKind.ALERT,
                TimelineEntry.Level.CRITICAL, "ap-shared/w-2", "volume full", null));
        executor.runScheduled();
        assertThat(model.entries()).extracting(TimelineEntry::text).as("the new alert, without a click")
                .contains("volume full");

        model.markStart();
        model.markEnd();
        int shown = model.entries().size();
        fx.alertsLater.add(new TimelineEntry(clock.instant().plus(Duration.ofSeconds(1)), TimelineKind.ALERT,
                TimelineEntry.Level.WARNING, "ap-shared/w-3", "after the end", null));
        executor.runScheduled();
        assertThat(model.entries()).as("an ended incident is not read again").hasSize(shown);
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
            assertThat(r.window().start()).isEqualTo(IncidentFixture.T0);
            assertThat(r.window().isOpen()).isTrue();
            assertThat(r.end()).isEqualTo(IncidentFixture.T0.plus(Duration.ofMinutes(15)));
            assertThat(r.actions()).hasSize(1);
        });
        assertThat(model.messageProperty().get()).startsWith("Report written: reports");
    }
}
