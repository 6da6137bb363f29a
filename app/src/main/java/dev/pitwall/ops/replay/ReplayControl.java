package dev.pitwall.ops.replay;

import java.util.concurrent.atomic.AtomicBoolean;

/** Pause, resume and cancel, from any thread; the engine looks at it between batches. */
public final class ReplayControl {

    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isPaused() {
        return paused.get();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
