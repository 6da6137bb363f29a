package dev.pitwall.ops.queues;

import java.time.Instant;

/** One point of a queue's trend: jobs waiting (wait, paused, prioritized, delayed), active, and failed. */
public record TrendPoint(Instant at, long waiting, long active, long failed) {
}
