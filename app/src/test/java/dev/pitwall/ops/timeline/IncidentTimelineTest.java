package dev.pitwall.ops.timeline;

import dev.pitwall.model.Alert;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.queues.TrendPoint;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

    private static TimelineSource fixed(String name, TimelineEntry... entries) {
        return new TimelineSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Reading read(Instant from, Instant to) {
                return Reading.of(List.of(entries));
            }
        };
    }

    private static TimelineEntry at(int minute, TimelineKind kind, String text) {
        return new TimelineEntry(T0.plus(Duration.ofMinutes(minute)), kind, TimelineEntry.Level.WARNING, "s", text,
                null);
    }

    @Test
    void sourcesAreMergedInTimeOrderWithCausesFirstAndTheWindowApplied() {
        TimelineSource alerts = fixed("alerts", at(7, TimelineKind.ALERT, "crash-loop"), at(5, TimelineKind.ALERT,
                "volume"));
        TimelineSource revisions = fixed("revisions", at(5, TimelineKind.REVISION, "rollout"),
                at(90, TimelineKind.REVISION, "after the window"));
        IncidentTimeline.Result r = new IncidentTimeline(List.of(alerts, revisions)).read(T0, T0.plus(Duration.ofHours(1)));
        assertThat(r.entries()).extracting(TimelineEntry::text).containsExactly("rollout", "volume", "crash-loop");
        assertThat(r.only(List.of(TimelineKind.ALERT)).entries()).extracting(TimelineEntry::text)
                .containsExactly("volume", "crash-loop");
        assertThat(r.only(List.of()).entries()).hasSize(3);
    }

    @Test
    void aFailingSourceIsAProblemAndTheOthersStillShow() {
        TimelineSource broken = new TimelineSource() {
            @Override
            public String name() {
                return "failed runs";
            }

            @Override
            public Reading read(Instant from, Instant to) {
                throw new IllegalStateException("platform answered 503");
            }
        };
        IncidentTimeline.Result r = new IncidentTimeline(List.of(broken, fixed("alerts", at(1, TimelineKind.ALERT,
                "x")))).read(T0, T0.plus(Duration.ofHours(1)));
        assertThat(r.entries()).hasSize(1);
        assertThat(r.problems()).containsExactly("failed runs: platform answered 503");
    }

    @Test
    void alertHistoryRaisesAndClearsWithTrustDriftAsTrust() {
        MutableClock clock = new MutableClock(T0);
        AlertCenter center = new AlertCenter(clock, 100);
        center.raise(new Alert(Alert.Severity.CRITICAL, "crash-loop", "ap-shared/w-1", "crash-looping", null));
        clock.advance(Duration.ofMinutes(3));
        center.raise(new Alert(Alert.Severity.CRITICAL, AlertTimeline.TRUST_DRIFT, "deployment ap-x/w", "drift",
                null));
        clock.advance(Duration.ofMinutes(3));
        center.clear("crash-loop", "ap-shared/w-1");
        List<TimelineEntry> entries = new IncidentTimeline(List.of(new AlertTimeline((from, to) -> center.history())))
                .read(T0, T0.plus(Duration.ofHours(1))).entries();
        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(TimelineKind.ALERT, TimelineKind.TRUST,
                TimelineKind.ALERT);
        assertThat(entries.get(0).level()).isEqualTo(TimelineEntry.Level.CRITICAL);
        assertThat(entries.get(2).text()).startsWith("crash-loop cleared");
        assertThat(entries.get(2).level()).isEqualTo(TimelineEntry.Level.INFO);
    }

    @Test
    void aFailureSpikeIsMarkedOnceWhereItStarts() {
        List<dev.pitwall.model.FlowRun> runs = new ArrayList<>();
        int[] perBucket = {1, 0, 9, 12, 1, 0};
        for (int b = 0; b < perBucket.length; b++) {
            for (int i = 0; i < perBucket[b]; i++) {
                runs.add(new dev.pitwall.model.FlowRun("r" + b + "-" + i, "p", "f", null,
                        new dev.pitwall.model.RunStatus("FAILED"), T0.plus(Duration.ofMinutes(5L * b + 1)), null,
                        null, null, null, null, null));
            }
        }
        FailureBuckets buckets = FailureBuckets.count(runs, T0, T0.plus(Duration.ofMinutes(30)),
                FailureSpikes.BUCKET);
        assertThat(buckets.counts()).containsExactly(1, 0, 9, 12, 1, 0);
        List<TimelineEntry> spikes = FailureSpikes.spikes(buckets);
        assertThat(spikes).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(e.text()).startsWith("9 runs failed in 5 min (0 in the 5 min before)");
        });
    }

    @Test
    void aQueueDepthSpikeIsMarkedWhenWaitingJumps() {
        List<TrendPoint> points = new ArrayList<>();
        long[] waiting = {10, 12, 11, 15, 400, 900, 950, 20};
        for (int i = 0; i < waiting.length; i++) {
            points.add(new TrendPoint(T0.plus(Duration.ofMinutes(i)), waiting[i], 1, 0));
        }
        List<TimelineEntry> spikes = new QueueSpikes(() -> Map.of("workerJobs", points))
                .read(T0, T0.plus(Duration.ofHours(1))).entries();
        assertThat(spikes).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineKind.QUEUE_SPIKE);
            assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
            assertThat(e.subject()).isEqualTo("workerJobs");
        });
    }
}
