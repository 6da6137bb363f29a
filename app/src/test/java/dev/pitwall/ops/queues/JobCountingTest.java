package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JobCountingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static QueueSample sample(long wait, boolean waitMarker, long paused, boolean pausedMarker,
                                      String metaPaused, Long oldestMs) {
        return new QueueSample("q", new RawQueueCounts(wait, waitMarker, paused, pausedMarker, 1, 2, 3, 4, 5, 6,
                metaPaused, "bullmq:6.7.0", oldestMs), EventTally.noStream());
    }

    @Test
    void everyStateIsTheLengthOfItsKey() {
        QueueStats s = JobCounting.stats(sample(7, false, 0, false, null, null), NOW);
        assertThat(s.waitCount()).isEqualTo(7);
        assertThat(s.paused()).isZero();
        assertThat(s.active()).isEqualTo(1);
        assertThat(s.prioritized()).isEqualTo(2);
        assertThat(s.delayed()).isEqualTo(3);
        assertThat(s.completed()).isEqualTo(4);
        assertThat(s.failed()).isEqualTo(5);
        assertThat(s.waitingChildren()).isEqualTo(6);
        assertThat(s.isPaused()).isFalse();
        assertThat(s.layoutVersion()).isEqualTo("bullmq:6.7.0");
    }

    @Test
    void aPaused6xQueueStillCountsItsJobsAsWaitLikeBullmqDoes() {
        QueueStats s = JobCounting.stats(sample(4, false, 0, false, "1", null), NOW);
        assertThat(s.isPaused()).isTrue();
        assertThat(s.waitCount()).isEqualTo(4);
        assertThat(s.paused()).isZero();
    }

    @Test
    void aPaused5xQueueCountsTheJobsInItsPausedList() {
        QueueStats s = JobCounting.stats(sample(0, false, 4, false, "1", null), NOW);
        assertThat(s.isPaused()).isTrue();
        assertThat(s.waitCount()).isZero();
        assertThat(s.paused()).isEqualTo(4);
    }

    @Test
    void aLegacyMarkerAtTheTailIsNotAJob() {
        QueueStats s = JobCounting.stats(sample(3, true, 1, true, null, null), NOW);
        assertThat(s.waitCount()).isEqualTo(2);
        assertThat(s.paused()).isZero();
    }

    @Test
    void theOldestWaitingAgeIsInWholeSecondsAndNeverNegative() {
        long threeMinutesAgo = NOW.minusSeconds(180).toEpochMilli() - 400;
        assertThat(JobCounting.stats(sample(1, false, 0, false, null, threeMinutesAgo), NOW)
                .oldestWaitingAgeSeconds()).isEqualTo(180);
        long inTheFuture = NOW.plusSeconds(5).toEpochMilli();
        assertThat(JobCounting.stats(sample(1, false, 0, false, null, inTheFuture), NOW)
                .oldestWaitingAgeSeconds()).isZero();
        assertThat(JobCounting.stats(sample(0, false, 0, false, null, null), NOW).oldestWaitingAgeSeconds())
                .isNull();
    }

    @Test
    void theLayoutCheckKnows5xAnd6xOnly() {
        assertThat(BullLayout.of("bullmq:5.81.5")).isEqualTo(BullLayout.V5);
        assertThat(BullLayout.of("bullmq:6.7.0")).isEqualTo(BullLayout.V6);
        assertThat(BullLayout.of("bullmq:4.17.0")).isEqualTo(BullLayout.UNKNOWN);
        assertThat(BullLayout.of("bullmq:7.0.0")).isEqualTo(BullLayout.UNKNOWN);
        assertThat(BullLayout.describe("bullmq:6.7.0")).isEqualTo("bullmq 6.7.0");
        assertThat(BullLayout.describe("bullmq:7.0.0")).isEqualTo("unknown layout: bullmq:7.0.0");
        assertThat(BullLayout.describe("bull:3.2")).isEqualTo("unknown layout: bull:3.2");
        assertThat(BullLayout.describe(null)).isEqualTo("no version recorded");
    }
}
