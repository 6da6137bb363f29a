package dev.pitwall.ops.replay;

import java.time.Instant;

/** A job in a BullMQ failed set, as much as a plan needs of it. {@code problem} marks an entry that did not read. */
public record FailedJobRef(String queue, String id, String name, String failedReason, Instant finishedOn,
                           String problem) {
}
