package dev.pitwall.ops.timeline;

import dev.pitwall.model.FlowRun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Failed runs counted per fixed bucket of a window: the failure-rate tile draws them, the timeline finds spikes in
 * them.
 */
public record FailureBuckets(Instant from, Duration bucket, long[] counts, long total) {

    public static FailureBuckets count(List<FlowRun> runs, Instant from, Instant to, Duration bucket) {
        int n = (int) Math.max(1, (Duration.between(from, to).toMillis() + bucket.toMillis() - 1) / bucket.toMillis());
        long[] counts = new long[n];
        long total = 0;
        for (FlowRun r : runs) {
            if (r.created() == null || r.created().isBefore(from) || !r.created().isBefore(to)) {
                continue;
            }
            int i = (int) (Duration.between(from, r.created()).toMillis() / bucket.toMillis());
            counts[Math.min(i, n - 1)]++;
            total++;
        }
        return new FailureBuckets(from, bucket, counts, total);
    }

    public Instant bucketStart(int i) {
        return from.plus(bucket.multipliedBy(i));
    }

    /** The count of the last bucket (the current rate), or 0 for no buckets. */
    public long latest() {
        return counts.length == 0 ? 0 : counts[counts.length - 1];
    }

    /** The count of the bucket before the last one. */
    public long previous() {
        return counts.length < 2 ? 0 : counts[counts.length - 2];
    }
}
