package dev.pitwall.ops.runs;

import java.time.Instant;

/** A group of failed runs with its size and time span, and one example run to look at. */
public record RunGroup(RunGroupKey key, long count, Instant firstSeen, Instant lastSeen, String exampleRunId,
                       String exampleMessage) {
}
