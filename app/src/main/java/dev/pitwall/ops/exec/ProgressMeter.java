package dev.pitwall.ops.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Rate and ETA of a long operation from its done/total counts, over a sliding window so that a pause or a burst
 * shows within seconds instead of being averaged away over the whole run.
 */
public final class ProgressMeter {

    private record Sample(Instant at, long done) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public ProgressMeter(Duration window) {
        this.window = window;
    }

    public synchronized void record(Instant at, long done) {
        samples.addLast(new Sample(at, done));
        while (samples.size() > 2 && Duration.between(samples.peekFirst().at(), at).compareTo(window) > 0) {
            samples.removeFirst();
        }
    }

    /** Units per second over the window; empty until two samples a moment apart exist. */
    public synchronized Optional<Double> ratePerSecond() {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return Optional.empty();
        }
        return Optional.of((last.done() - first.done()) / seconds);
    }

    /** Time left at the current rate; empty when the rate is unknown or zero. */
    public Optional<Duration> eta(long done, long total) {
        return ratePerSecond().filter(r -> r > 0)
                .map(r -> Duration.ofMillis((long) Math.ceil(Math.max(0, total - done) / r * 1000)));
    }

    /** "1 h 02 min", "3 min 20 s", "12 s". */
    public static String formatDuration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
