package dev.pitwall.ui.common;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Applies the latest snapshot on the FX thread, at most once per frame however many arrive: a thousand informer
 * events a second cost one update. Snapshots are built off the FX thread; only the apply step runs on it.
 */
public final class FrameCoalescer<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<T> apply;

    public FrameCoalescer(Consumer<T> apply) {
        this.apply = apply;
    }

    /** From any thread: remember {@code snapshot} and schedule one apply if none is pending. */
    public void offer(T snapshot) {
        latest.set(snapshot);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        T snapshot = latest.getAndSet(null);
        if (snapshot != null) {
            apply.accept(snapshot);
        }
    }
}
