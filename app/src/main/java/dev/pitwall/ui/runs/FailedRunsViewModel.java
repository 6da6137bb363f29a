package dev.pitwall.ui.runs;

import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.RunGroup;
import dev.pitwall.ops.runs.RunGroupKey;
import dev.pitwall.ops.runs.RunGrouping;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import dev.pitwall.ui.common.FrameCoalescer;
import dev.pitwall.ui.common.Fx;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failed-runs browser: loads runs in failed states page by page in the background (no limit on count), groups
 * them by flow, failed step and error signature as they arrive, and filters the table to a chosen group.
 */
public final class FailedRunsViewModel {

    /** The time windows offered, most used first. */
    public enum Window {
        LAST_HOUR("last hour", Duration.ofHours(1)),
        LAST_6_HOURS("last 6 hours", Duration.ofHours(6)),
        LAST_24_HOURS("last 24 hours", Duration.ofHours(24)),
        LAST_7_DAYS("last 7 days", Duration.ofDays(7));

        private final String label;
        private final Duration length;

        Window(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public Duration length() {
            return length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final int PAGE = 1000;

    private final FlowRunSource source;
    private final Function<String, Optional<String>> jobLookup;
    private final BackgroundExecutor executor;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();

    public final ObjectProperty<Window> window = new SimpleObjectProperty<>(Window.LAST_6_HOURS);
    public final StringProperty project = new SimpleStringProperty("");
    public final StringProperty flow = new SimpleStringProperty("");
    public final StringProperty step = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<RunGroup> selectedGroup = new SimpleObjectProperty<>();

    private final ObservableList<FlowRun> runs = FXCollections.observableArrayList();
    private final FilteredList<FlowRun> shown = new FilteredList<>(runs);
    private final ObservableList<RunGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not loaded yet.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final FrameCoalescer<List<RunGroup>> groupUpdates = new FrameCoalescer<>(groups::setAll);

    /**
     * @param jobLookup the run's BullMQ failed job as text (data, failedReason, stack trace, attempts), when one
     *                  exists; called on the background executor
     */
    public FailedRunsViewModel(FlowRunSource source, Function<String, Optional<String>> jobLookup,
                               BackgroundExecutor executor, Clock clock) {
        this.source = source;
        this.jobLookup = jobLookup;
        this.executor = executor;
        this.clock = clock;
        selectedGroup.addListener((obs, old, g) -> shown.setPredicate(g == null ? null
                : run -> RunGroupKey.of(run).equals(g.key())));
    }

    public ObservableList<FlowRun> shownRuns() {
        return shown;
    }

    public ObservableList<FlowRun> allRuns() {
        return runs;
    }

    public ObservableList<RunGroup> groups() {
        return groups;
    }

    public ObjectProperty<RunGroup> selectedGroupProperty() {
        return selectedGroup;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The query the filters describe. */
    public RunQuery query() {
        RunQuery q = RunQuery.failedBetween(clock.instant().minus(window.get().length()), null);
        return new RunQuery(blankToNull(project.get()), flow.get().isBlank() ? List.of() : List.of(flow.get().trim()),
                q.statuses(), q.createdAfter(), null, blankToNull(step.get()), blankToNull(message.get()), List.of());
    }

    /** Starts loading from the first page; a load still running is abandoned. Call on the FX thread. */
    public void load() {
        long gen = generation.incrementAndGet();
        RunQuery query = query();
        runs.clear();
        groups.clear();
        selectedGroup.set(null);
        loading.set(true);
        status.set("Loading failed runs\u2026");
        executor.run(() -> loadPages(gen, query));
    }

    private void loadPages(long gen, RunQuery query) {
        RunGrouping grouping = new RunGrouping();
        String cursor = null;
        long count = 0;
        try {
            do {
                RunPage page = source.page(query, cursor, PAGE);
                if (generation.get() != gen) {
                    return;
                }
                grouping.addAll(page.runs());
                count += page.runs().size();
                long loaded = count;
                List<FlowRun> rows = page.runs();
                List<RunGroup> snapshot = grouping.groups();
                Fx.run(() -> {
                    if (generation.get() == gen) {
                        runs.addAll(rows);
                        status.set(String.format("Loading\u2026 %,d failed runs so far", loaded));
                    }
                });
                groupUpdates.offer(snapshot);
                cursor = page.isLast() ? null : page.next();
            } while (cursor != null);
            long total = count;
            int groupCount = grouping.groups().size();
            Fx.run(() -> finish(gen, String.format("%,d failed runs in %,d groups (%s)", total, groupCount,
                    window.get())));
        } catch (RuntimeException e) {
            long loaded = count;
            Fx.run(() -> finish(gen, String.format("Stopped after %,d runs: %s. Press Load to try again.", loaded,
                    e.getMessage())));
        }
    }

    private void finish(long gen, String text) {
        if (generation.get() == gen) {
            loading.set(false);
            status.set(text);
        }
    }

    /** The run's BullMQ failed job, described, read in the background; never fails (errors become text). */
    public CompletableFuture<String> jobDetails(String runId) {
        return executor.supply(() -> jobLookup.apply(runId).orElse("none in a failed set"))
                .exceptionally(e -> "could not be read: " + (e.getCause() == null ? e : e.getCause()).getMessage());
    }

    /** The runs a replay of what is shown would start from: the selected group, or every loaded run. */
    public List<FlowRun> replayCandidates() {
        return List.copyOf(shown);
    }

    /** A readable account of the current filter, for the replay plan. */
    public String describeSelection() {
        RunGroup g = selectedGroup.get();
        return "failed runs of the " + window.get() + (project.get().isBlank() ? "" : ", project " + project.get())
                + (flow.get().isBlank() ? "" : ", flow " + flow.get())
                + (step.get().isBlank() ? "" : ", step " + step.get())
                + (message.get().isBlank() ? "" : ", message containing \"" + message.get() + "\"")
                + (g == null ? "" : ", group " + g.key());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
