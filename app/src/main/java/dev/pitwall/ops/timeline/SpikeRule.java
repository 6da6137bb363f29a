package dev.pitwall.ops.timeline;

/**
 * When a figure counts as a spike: at least {@code minimum}, and at least {@code factor} times its baseline (what it
 * was just before). The minimum keeps a quiet queue going from 1 to 4 off the timeline.
 */
public record SpikeRule(long minimum, double factor) {

    /** Failed runs per bucket: 5 or more, and three times the bucket before. */
    public static final SpikeRule FAILURES = new SpikeRule(5, 3.0);
    /** Waiting jobs: 50 or more, and twice the lowest depth of the lookback. */
    public static final SpikeRule QUEUE_DEPTH = new SpikeRule(50, 2.0);

    public boolean isSpike(long value, long baseline) {
        return value >= minimum && value >= factor * Math.max(1, baseline);
    }
}
