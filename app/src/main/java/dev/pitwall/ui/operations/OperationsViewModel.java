package dev.pitwall.ui.operations;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The long operations of this session (replays, rollouts, smoke tests): started here, listed until cleared. */
public final class OperationsViewModel {

    private final ObservableList<OperationEntry> entries = FXCollections.observableArrayList();
    private final Executor executor;
    private final Clock clock;

    public OperationsViewModel(Executor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    public ObservableList<OperationEntry> entries() {
        return entries;
    }

    /** Lists {@code task} and runs it in the background. Call on the FX thread. */
    public OperationEntry start(Task<?> task) {
        OperationEntry entry = new OperationEntry(task, clock);
        entries.add(0, entry);
        executor.execute(task);
        return entry;
    }

    /** Removes finished operations from the list (running ones stay). */
    public void clearFinished() {
        entries.removeIf(OperationEntry::isFinished);
    }

    public IntegerBinding runningCount() {
        return Bindings.createIntegerBinding(
                () -> (int) entries.stream().filter(e -> !e.isFinished()).count(), entries);
    }
}
