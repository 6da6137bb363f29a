package dev.pitwall.ops.canary;

import java.time.Instant;

/**
 * Why a canary stopped: the gate that failed (or "manual" when an operator aborted it), what was measured, the
 * threshold it broke, and when.
 */
public record AbortReason(String gate, String measured, String threshold, Instant at) {

    public static final String MANUAL = "manual";

    public static AbortReason of(GateReading reading, Instant at) {
        return new AbortReason(reading.gate().name(), reading.measured(), reading.threshold(), at);
    }

    public static AbortReason manual(String actor, Instant at) {
        return new AbortReason(MANUAL, "aborted by " + actor, "-", at);
    }

    /** "VOLUME gate failed at ...: measured (threshold: ...)", one line for logs and audit. */
    public String text() {
        return MANUAL.equals(gate) ? "aborted by hand at " + at + " (" + measured + ")"
                : gate + " gate failed at " + at + ": " + measured + " (threshold: " + threshold + ")";
    }
}
