package dev.pitwall.ops.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Virtual time: sleeping moves the clock at once, and lets the fake world move with it. */
public final class VirtualPacer implements Pacer {

    private long nanos;
    private final Instant start = Instant.parse("2026-11-28T04:00:00Z");
    private final Consumer<Instant> onSleep;

    public VirtualPacer(Consumer<Instant> onSleep) {
        this.onSleep = onSleep;
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration d) {
        Instant at;
        synchronized (this) {
            nanos += Math.max(0, d.toNanos());
            at = now();
        }
        onSleep.accept(at);
    }

    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }
}
