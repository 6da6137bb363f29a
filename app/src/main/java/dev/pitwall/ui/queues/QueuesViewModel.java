package dev.pitwall.ui.queues;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.queues.QueueBackendException;
import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.QueueHealthListener;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueRow;
import dev.pitwall.ops.queues.TrendPoint;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Queues screen: every queue's depth, rates and state, refreshed every 2 s in the background and applied at most
 * once per frame; the trend of the selected queue; and whether the figures are stale because Redis stopped
 * answering. The failed jobs of the selected queue live in {@link FailedJobsViewModel}.
 */
public final class QueuesViewModel {

    /** What one refresh ended with; one sink for both, so the latest outcome is always the one shown. */
    private sealed interface Outcome permits Refreshed, Failed {
    }

    private record Refreshed(QueueBoard board, String trendQueue, List<TrendPoint> trend) implements Outcome {
    }

    private record Failed(String reason) implements Outcome {
    }

    private record Trend(String queue, List<TrendPoint> points) {
    }

    private final QueueMonitor monitor;
    private final BackgroundExecutor executor;
    private final QueueHealthListener health;
    private final ZoneId zone;
    private final FailedJobsViewModel failedJobs;
    private final Consumer<Outcome> outcomeSink;
    private final Consumer<Trend> trendSink;

    private final ObservableList<QueueItem> queues = FXCollections.observableArrayList(
            item -> new Observable[]{item.rowProperty()});
    private final ObservableList<TrendPoint> trend = FXCollections.observableArrayList();
    private final Map<String, QueueItem> byName = new HashMap<>();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("reading the queues\u2026");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private volatile String selectedForBackground;
    private Instant lastGood;
    private BackgroundExecutor.Cancellable schedule;

    public QueuesViewModel(QueueMonitor monitor, FailedJobsViewModel failedJobs, BackgroundExecutor executor,
                           FxHandoff fx, QueueHealthListener health, ZoneId zone) {
        this.monitor = monitor;
        this.failedJobs = failedJobs;
        this.executor = executor;
        this.health = health;
        this.zone = zone;
        this.outcomeSink = fx.latestPerFrame(this::apply);
        this.trendSink = fx.latestPerFrame(this::applyTrend);
    }

    /** Starts refreshing every {@link QueueMonitor#REFRESH_PERIOD}, the first time at once. */
    public void start() {
        if (schedule == null) {
            schedule = executor.repeat(this::refreshNow, java.time.Duration.ZERO, QueueMonitor.REFRESH_PERIOD);
        }
    }

    public void stop() {
        if (schedule != null) {
            schedule.cancel();
            schedule = null;
        }
    }

    /** One refresh (background thread): never throws; a failure marks the figures stale. */
    public void refreshNow() {
        try {
            QueueBoard board = monitor.refresh();
            String queue = selectedForBackground;
            outcomeSink.accept(new Refreshed(board, queue, queue == null ? List.of() : monitor.trend(queue)));
            health.refreshed();
        } catch (QueueBackendException e) {
            outcomeSink.accept(new Failed(e.getMessage()));
            health.failed(e.getMessage());
        }
    }

    /** Selects a queue (FX thread): its trend and its first page of failed jobs are loaded in the background. */
    public void select(String queue) {
        if (queue == null || queue.equals(selected.get())) {
            return;
        }
        selected.set(queue);
        selectedForBackground = queue;
        trend.clear();
        executor.run(() -> trendSink.accept(new Trend(queue, monitor.trend(queue))));
        failedJobs.show(queue);
    }

    private void apply(Outcome outcome) {
        if (outcome instanceof Failed f) {
            applyFailure(f);
        } else if (outcome instanceof Refreshed r) {
            applyBoard(r);
        }
    }

    private void applyBoard(Refreshed r) {
        QueueBoard board = r.board();
        boolean sameQueues = board.rows().size() == queues.size();
        for (int i = 0; sameQueues && i < queues.size(); i++) {
            sameQueues = queues.get(i).name().equals(board.rows().get(i).name());
        }
        if (sameQueues) {
            for (int i = 0; i < queues.size(); i++) {
                queues.get(i).update(board.rows().get(i));
            }
        } else {
            List<QueueItem> items = new ArrayList<>(board.rows().size());
            Map<String, QueueItem> kept = new HashMap<>();
            for (QueueRow row : board.rows()) {
                QueueItem item = byName.get(row.name());
                if (item == null) {
                    item = new QueueItem(row);
                } else {
                    item.update(row);
                }
                items.add(item);
                kept.put(row.name(), item);
            }
            byName.clear();
            byName.putAll(kept);
            queues.setAll(items);
        }
        if (r.trendQueue() != null) {
            applyTrend(new Trend(r.trendQueue(), r.trend()));
        }
        lastGood = board.sampledAt();
        stale.set(false);
        staleText.set("");
        summary.set(board.rows().size() + (board.rows().size() == 1 ? " queue" : " queues") + " \u00b7 refreshed "
                + QueueFormats.clock(board.sampledAt(), zone));
    }

    private void applyFailure(Failed f) {
        stale.set(true);
        if (lastGood == null) {
            staleText.set("Redis does not answer: " + f.reason());
        } else {
            staleText.set("stale since " + QueueFormats.clock(lastGood, zone) + ": " + f.reason());
        }
    }

    private void applyTrend(Trend t) {
        if (t.queue().equals(selected.get())) {
            trend.setAll(t.points());
        }
    }

    /** Every queue, sorted by name; an item's row changes in place on each refresh. */
    public ObservableList<QueueItem> queues() {
        return queues;
    }

    /** The last 30 minutes of the selected queue, oldest first. */
    public ObservableList<TrendPoint> trend() {
        return trend;
    }

    public ReadOnlyStringProperty selectedQueueProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "" while fresh; "stale since HH:MM:SS: reason" once Redis stopped answering after a good refresh. */
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public FailedJobsViewModel failedJobs() {
        return failedJobs;
    }
}
