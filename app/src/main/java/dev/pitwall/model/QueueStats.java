package dev.pitwall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The depth of one BullMQ queue at one moment, counted state by state exactly as BullMQ's own
 * {@code queue.getJobCounts()} counts them.
 *
 * @param waitCount               jobs in the {@code wait} list (a paused 6.x queue keeps its jobs here); BullMQ's
 *                                "wait" ({@code wait} cannot name a record component: Object.wait())
 * @param paused                  jobs in the {@code paused} list (a paused 5.x queue moves its jobs here)
 * @param isPaused                the queue's {@code meta.paused} flag
 * @param oldestWaitingAgeSeconds age of the oldest job waiting to be taken (wait, else paused list), or null when
 *                                nothing waits or its timestamp is unknown
 * @param layoutVersion           the queue's {@code meta.version} as written by BullMQ ("bullmq:6.7.0"), or null
 * @param sampledAt               when the counts were read
 */
public record QueueStats(String name, long waitCount, long paused, long active, long prioritized, long delayed,
                         long failed, long completed, long waitingChildren, boolean isPaused,
                         Long oldestWaitingAgeSeconds, String layoutVersion, Instant sampledAt) {

    public QueueStats {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sampledAt, "sampledAt");
    }

    /** Jobs not yet taken by a worker: wait, paused, prioritized and delayed. */
    public long queued() {
        return waitCount + paused + prioritized + delayed;
    }

    /** Jobs still in the queue's life cycle, i.e. neither completed nor failed. */
    public long live() {
        return queued() + active + waitingChildren;
    }
}
