package dev.pitwall.ops.queues;

/** One queue as one refresh saw it: the raw counts and the events since the previous refresh. */
public record QueueSample(String name, RawQueueCounts counts, EventTally events) {
}
