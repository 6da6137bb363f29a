package dev.pitwall.ops.queues;

/**
 * What one refresh reads for a queue, before BullMQ's counting rules are applied.
 *
 * @param waitLength        LLEN of {@code wait}
 * @param waitHasMarker     the tail of {@code wait} is a legacy marker entry ("0:..."), which BullMQ does not count
 * @param pausedLength      LLEN of {@code paused}
 * @param pausedHasMarker   the same for {@code paused}
 * @param metaPaused        {@code meta.paused}, or null
 * @param metaVersion       {@code meta.version}, or null
 * @param oldestWaitingMs   the {@code timestamp} of the oldest job in {@code wait}, else in {@code paused}; or null
 */
public record RawQueueCounts(long waitLength, boolean waitHasMarker, long pausedLength, boolean pausedHasMarker,
                             long active, long prioritized, long delayed, long completed, long failed,
                             long waitingChildren, String metaPaused, String metaVersion, Long oldestWaitingMs) {
}
