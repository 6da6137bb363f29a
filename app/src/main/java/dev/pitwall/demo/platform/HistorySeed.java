package dev.pitwall.demo.platform;

import java.time.Duration;

/**
 * A backlog of past runs to start with, so that lists are not empty: {@code runs} spread evenly at random over the
 * {@code span} before the simulated now; {@code failedShare} of them FAILED at a step, {@code internalErrorShare}
 * INTERNAL_ERROR (their jobs in BullMQ's failed set), the rest SUCCEEDED.
 */
public record HistorySeed(int runs, Duration span, double failedShare, double internalErrorShare) {

    public HistorySeed {
        if (runs < 0 || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("a history needs a run count >= 0 and a positive span");
        }
        if (failedShare < 0 || internalErrorShare < 0 || failedShare + internalErrorShare > 1) {
            throw new IllegalArgumentException("failure shares must be >= 0 and add up to at most 1");
        }
    }

    /** A week of light traffic with a few failures. */
    public static HistorySeed typical() {
        return new HistorySeed(2_000, Duration.ofDays(7), 0.04, 0.02);
    }
}
