package dev.pitwall.ui.operations;

import dev.pitwall.ops.exec.ProgressMeter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.time.Clock;
import java.time.Duration;

/**
 * One long operation in the Operations panel: its task plus the figures derived from it (done/total, rate, ETA,
 * state). Updated on the FX thread from the task's own properties.
 */
public final class OperationEntry {

    private final Task<?> task;
    private final Clock clock;
    private final ProgressMeter meter = new ProgressMeter(Duration.ofSeconds(20));
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");

    public OperationEntry(Task<?> task, Clock clock) {
        this.task = task;
        this.clock = clock;
        task.workDoneProperty().addListener((obs, old, now) -> refresh());
        task.stateProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public Task<?> task() {
        return task;
    }

    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public boolean isFinished() {
        return switch (task.getState()) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        };
    }

    public void cancel() {
        task.cancel();
    }

    private void refresh() {
        long done = Math.max(0, (long) task.getWorkDone());
        long total = (long) task.getTotalWork();
        if (task.getState() == Worker.State.RUNNING) {
            meter.record(clock.instant(), done);
        }
        StringBuilder text = new StringBuilder();
        if (total > 0) {
            text.append(String.format("%,d / %,d", done, total));
        }
        meter.ratePerSecond().ifPresent(r -> text.append(String.format("  \u00b7  %.1f/s", r)));
        if (task.getState() == Worker.State.RUNNING && total > 0) {
            meter.eta(done, total).ifPresent(eta -> text.append("  \u00b7  ETA ")
                    .append(ProgressMeter.formatDuration(eta)));
        }
        figures.set(text.toString());
        state.set(stateText());
    }

    private String stateText() {
        return switch (task.getState()) {
            case READY, SCHEDULED -> "waiting";
            case RUNNING -> "running";
            case SUCCEEDED -> "done";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed: " + (task.getException() == null ? "unknown error"
                    : task.getException().getMessage());
        };
    }
}
