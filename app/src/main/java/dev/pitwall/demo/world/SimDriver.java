package dev.pitwall.demo.world;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks the world's parts in order. Tests call {@link #advance(Duration)} to move simulated time synchronously;
 * the demo calls {@link #startRealtime} so that {@code speed} simulated seconds pass per real second.
 */
public final class SimDriver implements AutoCloseable {

    /** Simulated time per tick: small enough for smooth volume curves, large enough to be cheap. */
    public static final Duration TICK = Duration.ofSeconds(5);

    private final SimClock clock;
    private final List<Simulated> parts = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;

    public SimDriver(SimClock clock) {
        this.clock = clock;
    }

    public SimClock clock() {
        return clock;
    }

    /** Adds a part; parts tick in the order they were added. */
    public void add(Simulated part) {
        parts.add(part);
    }

    /** Moves simulated time forward by {@code amount}, in ticks of {@link #TICK}. */
    public synchronized void advance(Duration amount) {
        Duration left = amount;
        while (!left.isNegative() && !left.isZero()) {
            Duration step = left.compareTo(TICK) < 0 ? left : TICK;
            Instant now = clock.advance(step);
            for (Simulated part : parts) {
                part.tick(now, step);
            }
            left = left.minus(step);
        }
    }

    /** Runs the world in real time: {@code speed} simulated seconds per real second (60 = one hour a minute). */
    public void startRealtime(double speed) {
        long periodMillis = Math.max(20, (long) (TICK.toMillis() / speed));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-world");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                advance(TICK);
            } catch (RuntimeException e) {
                System.err.println("demo world tick failed: " + e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops real time, after the tick in flight (if any) has ended: the world's parts close right after this. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
