package dev.pitwall.app;

import dev.pitwall.files.IncidentReportFiles;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.queues.TrendPoint;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.timeline.AlertTimeline;
import dev.pitwall.ops.timeline.QueueSpikes;
import dev.pitwall.ui.common.Fx;
import dev.pitwall.ui.common.ViewLoader;
import dev.pitwall.ui.shell.PlaceholderPane;
import dev.pitwall.ui.shell.Screen;
import dev.pitwall.ui.warroom.IncidentView;
import dev.pitwall.ui.warroom.IncidentViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Wires the Incident screen: the timeline's sources for the session's profile, the alert history kept in the state
 * directory, and what only the running console keeps (the queues' trends), composed off the FX thread; reports go to
 * the state directory's incidents folder.
 */
final class IncidentScreen {

    /** How often an open incident's timeline is read again. */
    static final Duration FOLLOW_EVERY = Duration.ofSeconds(30);

    private IncidentScreen() {
    }

    static Node build(Session session, Backends backends, BackgroundExecutor executor,
                      CompletableFuture<FleetEngine> fleet, Supplier<Map<String, List<TrendPoint>>> queueTrends,
                      Clock clock, ZoneId zone) {
        StackPane slot = new StackPane(new PlaceholderPane(Screen.INCIDENT, "Opening the timeline's sources\u2026"));
        Supplier<List<WorkloadRef>> workloads = () -> fleet.isDone() && !fleet.isCompletedExceptionally()
                ? IncidentSources.workloads(fleet.join().latest()) : List.of();
        executor.supply(() -> {
            ReportSources sources = IncidentSources.open(session.profile(), backends, workloads,
                    List.of(new AlertTimeline(backends.alertHistory(session.profile())::read),
                            new QueueSpikes(queueTrends)));
            session.own(sources);
            return sources;
        }).whenComplete((sources, error) -> Fx.run(() -> {
            if (error != null) {
                slot.getChildren().setAll(new PlaceholderPane(Screen.INCIDENT, "The timeline cannot be read: "
                        + error.getMessage()));
                return;
            }
            IncidentViewModel model = new IncidentViewModel(sources, new IncidentReportFiles(),
                    backends.incidentReports(), executor, Platform::runLater, clock, zone);
            model.follow(FOLLOW_EVERY);
            slot.getChildren().setAll(ViewLoader.load("incident", new IncidentView(model, zone)));
        }));
        return slot;
    }
}
