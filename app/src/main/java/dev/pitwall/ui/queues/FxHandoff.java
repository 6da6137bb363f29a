package dev.pitwall.ui.queues;

import dev.pitwall.ui.common.FrameCoalescer;

import java.util.function.Consumer;

/**
 * How results made in the background reach the FX thread: in the console through a {@link FrameCoalescer} (the
 * latest result, at most once per frame); in ViewModel tests at once, on the calling thread.
 */
public interface FxHandoff {

    /** A consumer that may be called from any thread and hands its argument to {@code apply} on the FX thread. */
    <T> Consumer<T> latestPerFrame(Consumer<T> apply);

    static FxHandoff frames() {
        return new FxHandoff() {
            @Override
            public <T> Consumer<T> latestPerFrame(Consumer<T> apply) {
                return new FrameCoalescer<>(apply)::offer;
            }
        };
    }

    static FxHandoff immediate() {
        return new FxHandoff() {
            @Override
            public <T> Consumer<T> latestPerFrame(Consumer<T> apply) {
                return apply;
            }
        };
    }
}
