package dev.pitwall.ops.canary;

import java.time.Duration;

/**
 * Where each gate fails. The defaults tolerate what a healthy worker does (its cache grows a few MiB a minute and
 * levels off; a few percent of runs fail for reasons of their own) and catch the outage's patterns within minutes.
 *
 * @param maxFailureRateDelta how many percentage points the canary's failure rate may exceed the stable pods'
 * @param minRuns             runs the canary must have finished before its failure rate is judged
 * @param maxRestarts         restarts any one canary pod may have (a crash loop fails the gate at once)
 * @param maxFillMibPerMinute fastest a canary pod's cache may grow
 * @param minTimeToFull       soonest a canary pod's cache may be full at its current rate
 * @param heartbeatGrace      how long a ready canary pod may go without a heartbeat
 * @param maxQueueGrowth      how many more jobs may wait in the queue than when the canary started
 */
public record GateThresholds(double maxFailureRateDelta, int minRuns, int maxRestarts, double maxFillMibPerMinute,
                             Duration minTimeToFull, Duration heartbeatGrace, long maxQueueGrowth) {

    public static final GateThresholds DEFAULTS = new GateThresholds(10.0, 20, 2, 20.0, Duration.ofHours(2),
            Duration.ofMinutes(3), 500);

    public GateThresholds {
        if (maxFailureRateDelta < 0 || minRuns < 1 || maxRestarts < 0 || maxFillMibPerMinute <= 0
                || minTimeToFull == null || minTimeToFull.isNegative() || heartbeatGrace == null
                || heartbeatGrace.isNegative() || maxQueueGrowth < 0) {
            throw new IllegalArgumentException("gate thresholds must be positive (failure-rate delta >= 0, "
                    + "at least 1 run, restarts >= 0, fill rate > 0, durations >= 0, queue growth >= 0)");
        }
    }
}
