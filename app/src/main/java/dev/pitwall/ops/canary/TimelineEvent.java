package dev.pitwall.ops.canary;

import java.time.Instant;

/** One thing that happened to a canary, kept in its journal. */
public record TimelineEvent(Instant at, String text) {
}
