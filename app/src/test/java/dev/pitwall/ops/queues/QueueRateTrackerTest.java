package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueRates;
import dev.pitwall.model.QueueStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueRateTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private static QueueStats stats(Instant at, long wait, long completed, long failed) {
        return new QueueStats("q", wait, 0, 0, 0, 0, failed, completed, 0, false, null, "bullmq:6.7.0", at);
    }

    private static EventTally events(long added, long completed, long failed) {
        return new EventTally(true, "1-0", false, true, added, completed, failed, "1-0");
    }

    @Test
    void ratesAreUnknownUntilTwoSamplesExist() {
        QueueRateTracker tracker = new QueueRateTracker();
        QueueRates first = tracker.update(stats(T0, 0, 0, 0), new EventTally(true, "1-0", true, true, 0, 0, 0, ""));
        assertThat(first.isKnown()).isFalse();
        assertThat(first.addedPerMinute()).isNull();
    }

    @Test
    void eventsCountCompletionsThatRemoveOnCompleteHidFromTheCounts() {
        QueueRateTracker tracker = new QueueRateTracker();
        tracker.update(stats(T0, 0, 0, 0), new EventTally(true, "1-0", true, true, 0, 0, 0, ""));
        // 10 s later: 20 jobs were added and completed, and removed on completion: every count is still 0
        QueueRates r = tracker.update(stats(T0.plusSeconds(10), 0, 0, 0), events(20, 20, 2));
        assertThat(r.fromEvents()).isTrue();
        assertThat(r.addedPerMinute()).isCloseTo(120.0, within(0.01));
        assertThat(r.completedPerMinute()).isCloseTo(120.0, within(0.01));
        assertThat(r.failedPerMinute()).isCloseTo(12.0, within(0.01));
    }

    @Test
    void theRateCoversTheLastMinuteOnly() {
        QueueRateTracker tracker = new QueueRateTracker();
        tracker.update(stats(T0, 0, 0, 0), new EventTally(true, "1-0", true, true, 0, 0, 0, ""));
        tracker.update(stats(T0.plusSeconds(30), 0, 0, 0), events(300, 0, 0));
        QueueRates busy = tracker.update(stats(T0.plusSeconds(60), 0, 0, 0), events(0, 0, 0));
        assertThat(busy.addedPerMinute()).isCloseTo(300.0, within(0.01));
        // two minutes later the burst has left the window
        tracker.update(stats(T0.plusSeconds(120), 0, 0, 0), events(0, 0, 0));
        QueueRates quiet = tracker.update(stats(T0.plusSeconds(150), 0, 0, 0), events(0, 0, 0));
        assertThat(quiet.addedPerMinute()).isZero();
    }

    @Test
    void whenTheEntryBoundIsReachedTheRateUsesTheSpanOfTheCountedEntries() {
        QueueRateTracker tracker = new QueueRateTracker();
        tracker.update(stats(T0, 0, 0, 0), new EventTally(true, "1-0", true, true, 0, 0, 0, ""));
        long newest = T0.plusSeconds(2).toEpochMilli();
        long oldest = newest - 500;
        // 500 entries (the bound) within the last half second: 250 completions in 0.5 s
        QueueRates r = tracker.update(stats(T0.plusSeconds(2), 0, 0, 0),
                new EventTally(true, newest + "-0", false, false, 250, 250, 0, oldest + "-0"));
        assertThat(r.completedPerMinute()).isCloseTo(30_000.0, within(0.01));
    }

    @Test
    void withoutAnEventStreamTheRatesComeFromCountDifferences() {
        QueueRateTracker tracker = new QueueRateTracker();
        tracker.update(stats(T0, 10, 100, 5), EventTally.noStream());
        // 30 s: 6 completed, 3 failed, and the waiting jobs grew by 1: 10 added
        QueueRates r = tracker.update(stats(T0.plusSeconds(30), 11, 106, 8), EventTally.noStream());
        assertThat(r.fromEvents()).isFalse();
        assertThat(r.completedPerMinute()).isCloseTo(12.0, within(0.01));
        assertThat(r.failedPerMinute()).isCloseTo(6.0, within(0.01));
        assertThat(r.addedPerMinute()).isCloseTo(20.0, within(0.01));
    }

    @Test
    void countDifferencesNeverGoNegativeWhenSetsAreTrimmed() {
        QueueRateTracker tracker = new QueueRateTracker();
        tracker.update(stats(T0, 0, 1000, 50), EventTally.noStream());
        QueueRates r = tracker.update(stats(T0.plusSeconds(30), 0, 900, 10), EventTally.noStream());
        assertThat(r.completedPerMinute()).isZero();
        assertThat(r.failedPerMinute()).isZero();
        assertThat(r.addedPerMinute()).isZero();
    }
}
