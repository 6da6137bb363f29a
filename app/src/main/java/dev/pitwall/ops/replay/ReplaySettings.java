package dev.pitwall.ops.replay;

import java.time.Duration;

/**
 * How a replay paces itself.
 *
 * @param ratePerSecond  runs sent per second at most; 0 = no limit
 * @param maxQueueDepth  pause while the target queue holds more waiting jobs than this; 0 = do not watch
 * @param batchSize      runs per bulk request (one project per request)
 * @param concurrency    bulk requests in flight at once
 * @param canaryPerGroup runs replayed first from each group, whose outcome decides whether the rest follow; 0 = none
 * @param maxAttempts    tries of one batch on 5xx, 429 and timeouts before the replay stops with the reason
 * @param backoffBase    first wait between tries; doubles each try, with jitter
 * @param followUpFor    how long to follow replayed runs to their end before reporting the rest as unfinished
 * @param stuckAfter     a run still QUEUED this long after its retry is reported stuck
 * @param pollEvery      how often followed runs are read
 */
public record ReplaySettings(double ratePerSecond, long maxQueueDepth, int batchSize, int concurrency,
                             int canaryPerGroup, int maxAttempts, Duration backoffBase, Duration followUpFor,
                             Duration stuckAfter, Duration pollEvery) {

    public ReplaySettings {
        if (ratePerSecond < 0 || maxQueueDepth < 0 || canaryPerGroup < 0) {
            throw new IllegalArgumentException("rate, queue depth and canary size cannot be negative");
        }
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch size, concurrency and attempts must be at least 1");
        }
    }

    public static ReplaySettings defaults() {
        return new ReplaySettings(0, 0, 500, 4, 1, 6, Duration.ofMillis(500), Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    public ReplaySettings withRate(double rate) {
        return new ReplaySettings(rate, maxQueueDepth, batchSize, concurrency, canaryPerGroup, maxAttempts,
                backoffBase, followUpFor, stuckAfter, pollEvery);
    }

    public ReplaySettings withMaxQueueDepth(long depth) {
        return new ReplaySettings(ratePerSecond, depth, batchSize, concurrency, canaryPerGroup, maxAttempts,
                backoffBase, followUpFor, stuckAfter, pollEvery);
    }

    public ReplaySettings withCanary(int perGroup) {
        return new ReplaySettings(ratePerSecond, maxQueueDepth, batchSize, concurrency, perGroup, maxAttempts,
                backoffBase, followUpFor, stuckAfter, pollEvery);
    }

    public ReplaySettings withBatchSize(int size) {
        return new ReplaySettings(ratePerSecond, maxQueueDepth, size, concurrency, canaryPerGroup, maxAttempts,
                backoffBase, followUpFor, stuckAfter, pollEvery);
    }

    public ReplaySettings withFollowUp(Duration followUp, Duration stuck, Duration poll) {
        return new ReplaySettings(ratePerSecond, maxQueueDepth, batchSize, concurrency, canaryPerGroup, maxAttempts,
                backoffBase, followUp, stuck, poll);
    }

    public ReplaySettings withConcurrency(int inFlight) {
        return new ReplaySettings(ratePerSecond, maxQueueDepth, batchSize, inFlight, canaryPerGroup, maxAttempts,
                backoffBase, followUpFor, stuckAfter, pollEvery);
    }
}
