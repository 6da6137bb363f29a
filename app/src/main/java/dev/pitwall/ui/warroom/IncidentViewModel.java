package dev.pitwall.ui.warroom;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.report.IncidentReport;
import dev.pitwall.ops.report.IncidentReportWriter;
import dev.pitwall.ops.report.ReportSources;
import dev.pitwall.ops.timeline.IncidentTimeline;
import dev.pitwall.ops.timeline.IncidentWindow;
import dev.pitwall.ops.timeline.TimelineEntry;
import dev.pitwall.ops.timeline.TimelineKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Incident screen: the incident timeline for the marked window (or the last hour when none is marked), filtered by
 * kind; marking the incident's start and end; exporting the report. Reads run on the background executor; every
 * method is called on the FX thread, and results come back through {@code toFx}.
 */
public final class IncidentViewModel {

    static final Duration UNMARKED_LOOKBACK = Duration.ofHours(1);
    /**
     * An open incident shows entries stamped up to this far past the console's clock: a cluster or platform whose
     * clock runs ahead (the accelerated demo runs an incident hour per minute) must not hide the latest events.
     */
    static final Duration CLOCK_AHEAD = Duration.ofDays(1);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReportSources sources;
    private final IncidentReportWriter writer;
    private final Path exportDir;
    private final BackgroundExecutor executor;
    private final Consumer<Runnable> toFx;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<IncidentWindow> window = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<TimelineKind> kinds = FXCollections.observableSet(EnumSet.allOf(TimelineKind.class));
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper auditTampered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private IncidentTimeline.Result last = new IncidentTimeline.Result(List.of(), List.of());

    /** @param toFx runs a result on the FX thread (Platform.runLater; at once in tests) */
    public IncidentViewModel(ReportSources sources, IncidentReportWriter writer, Path exportDir,
                             BackgroundExecutor executor, Consumer<Runnable> toFx, Clock clock, ZoneId zone) {
        this.sources = sources;
        this.writer = writer;
        this.exportDir = exportDir;
        this.executor = executor;
        this.toFx = toFx;
        this.clock = clock;
        this.zone = zone;
        kinds.addListener((javafx.collections.SetChangeListener<TimelineKind>) c -> applyFilter());
        describeWindow();
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    /** The kinds shown; removing one hides its entries. */
    public ObservableSet<TimelineKind> kinds() {
        return kinds;
    }

    public ReadOnlyObjectProperty<IncidentWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty auditTamperedProperty() {
        return auditTampered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The incident starts now (a new incident when one was already marked). */
    public void markStart() {
        window.set(IncidentWindow.startingAt(clock.instant()));
        describeWindow();
        refresh();
    }

    /** The marked incident ends now. */
    public void markEnd() {
        IncidentWindow w = window.get();
        if (w == null) {
            message.set("Mark the start first: the incident has no start yet.");
            return;
        }
        window.set(w.endingAt(clock.instant()));
        describeWindow();
        refresh();
    }

    public void clearMarks() {
        window.set(null);
        describeWindow();
        refresh();
    }

    /**
     * Reads the timeline again every {@code every} while the incident is open or unmarked: during an incident the
     * screen follows it. An ended incident does not change, and a read still running is not doubled.
     */
    public BackgroundExecutor.Cancellable follow(Duration every) {
        return executor.repeat(() -> toFx.accept(() -> {
            IncidentWindow w = window.get();
            if ((w == null || w.isOpen()) && !busy.get()) {
                refresh();
            }
        }), every, every);
    }

    /** Reads the timeline again for the window. */
    public void refresh() {
        Instant now = clock.instant();
        IncidentWindow w = effectiveWindow(now);
        busy.set(true);
        Instant to = w.isOpen() ? now.plus(CLOCK_AHEAD) : w.end();
        executor.supply(() -> sources.timeline().read(w.start(), to)).whenComplete((result, error) ->
                toFx.accept(() -> {
                    busy.set(false);
                    if (error != null) {
                        problems.set("The timeline could not be read: " + error.getMessage());
                        return;
                    }
                    last = result;
                    applyFilter();
                    auditTampered.set(result.problems().stream().anyMatch(p -> p.contains("TAMPERED")));
                    problems.set(String.join("\n", result.problems()));
                }));
    }

    /** Writes the report of the window (Markdown and JSON) into the export folder. */
    public void exportReport() {
        Instant now = clock.instant();
        IncidentWindow w = effectiveWindow(now);
        busy.set(true);
        message.set("Writing the incident report\u2026");
        executor.supply(() -> {
            IncidentReport report = sources.reporter(clock).build(w);
            return writer.write(report, exportDir);
        }).whenComplete((files, error) -> toFx.accept(() -> {
            busy.set(false);
            message.set(error != null ? "The report could not be written: " + error.getMessage()
                    : "Report written: " + files.get(0) + " and " + files.get(1).getFileName());
        }));
    }

    private IncidentWindow effectiveWindow(Instant now) {
        IncidentWindow w = window.get();
        return w != null ? w : IncidentWindow.startingAt(now.minus(UNMARKED_LOOKBACK));
    }

    private void applyFilter() {
        entries.setAll(last.entries().stream().filter(e -> kinds.contains(e.kind())).toList());
    }

    private void describeWindow() {
        IncidentWindow w = window.get();
        windowText.set(w == null ? "No incident marked: showing the last hour"
                : "Incident from " + HMS.format(w.start().atZone(zone))
                + (w.isOpen() ? ", still open" : " to " + HMS.format(w.end().atZone(zone))));
    }
}
