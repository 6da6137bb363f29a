package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueStats;

import java.time.Instant;

/**
 * BullMQ's counting rules (observed with bullmq 5.81 and 6.7, see QueueCountsBullmqTest): each state is the length
 * of its list or sorted set as it stands, with one exception: a legacy marker entry ("0:<delay>") at the tail of
 * {@code wait} or {@code paused} is not a job and is not counted. Pausing changes nothing here: a paused 5.x queue
 * has moved its jobs to {@code paused}, a paused 6.x queue still has them in {@code wait}, and getJobCounts reports
 * each as it finds it; the paused flag is {@code meta.paused}.
 */
public final class JobCounting {

    private JobCounting() {
    }

    public static QueueStats stats(QueueSample sample, Instant sampledAt) {
        RawQueueCounts raw = sample.counts();
        Long age = null;
        if (raw.oldestWaitingMs() != null) {
            age = Math.max(0, (sampledAt.toEpochMilli() - raw.oldestWaitingMs()) / 1000);
        }
        return new QueueStats(sample.name(),
                withoutMarker(raw.waitLength(), raw.waitHasMarker()),
                withoutMarker(raw.pausedLength(), raw.pausedHasMarker()),
                raw.active(), raw.prioritized(), raw.delayed(), raw.failed(), raw.completed(), raw.waitingChildren(),
                "1".equals(raw.metaPaused()), age, raw.metaVersion(), sampledAt);
    }

    private static long withoutMarker(long length, boolean marker) {
        return marker ? Math.max(0, length - 1) : length;
    }
}
