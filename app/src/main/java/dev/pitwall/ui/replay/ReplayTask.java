package dev.pitwall.ui.replay;

import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.ReplayControl;
import dev.pitwall.ops.replay.ReplayProgress;
import javafx.concurrent.Task;


/**
 * A replay as an Operations-panel task: progress is runs sent of the total, the message is the engine's phase.
 * Cancelling asks the engine to stop between batches (its journal stays consistent and the replay resumable).
 */
public final class ReplayTask extends Task<JournalState> implements dev.pitwall.ui.operations.Pausable {

    private final ReplayControl control = new ReplayControl();
    private final Replay replay;

    /** What the factory needs from the task: its control and where to report progress. */
    public record ReplayTaskContext(ReplayControl control, java.util.function.Consumer<ReplayProgress> progress) {
    }

    /** The replay itself: started or resumed, run to its end, given the task's control and progress sink. */
    @FunctionalInterface
    public interface Replay {
        JournalState run(ReplayTaskContext context) throws InterruptedException;
    }

    public ReplayTask(String title, Replay replay) {
        this.replay = replay;
        updateTitle(title);
    }

    public ReplayControl control() {
        return control;
    }

    @Override
    protected JournalState call() throws Exception {
        JournalState state = replay.run(new ReplayTaskContext(control, this::report));
        state.stopReason().ifPresent(reason -> updateMessage("stopped: " + reason));
        if (state.isCompleted()) {
            updateMessage("done");
        }
        return state;
    }

    private void report(ReplayProgress p) {
        updateProgress(p.sent(), Math.max(1, p.total()));
        updateMessage(p.phase() + (p.message().isEmpty() ? "" : ": " + p.message())
                + String.format("  (%,d succeeded, %,d failed again)", p.succeeded(), p.failedAgain()));
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public boolean isPaused() {
        return control.isPaused();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        control.cancel();
        return super.cancel(false);
    }
}
