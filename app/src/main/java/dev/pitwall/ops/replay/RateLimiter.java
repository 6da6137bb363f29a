package dev.pitwall.ops.replay;

import java.time.Duration;

/**
 * Paces sends to a rate in runs per second: each send of n runs books n/rate seconds after the previous booking, so
 * the long-run rate is exact however the batches are sized, and a pause does not build up a burst afterwards.
 */
final class RateLimiter {

    private final double ratePerSecond;
    private final Pacer pacer;
    private long nextFreeNanos;

    RateLimiter(double ratePerSecond, Pacer pacer) {
        this.ratePerSecond = ratePerSecond;
        this.pacer = pacer;
        this.nextFreeNanos = pacer.nanoTime();
    }

    /** Waits until {@code runs} may be sent. Without a rate it returns at once. */
    void acquire(int runs) throws InterruptedException {
        if (ratePerSecond <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = pacer.nanoTime();
            long start = Math.max(now, nextFreeNanos);
            nextFreeNanos = start + (long) (runs / ratePerSecond * 1e9);
            wait = start - now;
        }
        pacer.sleep(Duration.ofNanos(wait));
    }

    /** Runs per send that keep the flow smooth: about a quarter second's worth, at least 1. */
    int smoothBatch(int maxBatch) {
        if (ratePerSecond <= 0) {
            return maxBatch;
        }
        return (int) Math.max(1, Math.min(maxBatch, Math.ceil(ratePerSecond / 4)));
    }
}
