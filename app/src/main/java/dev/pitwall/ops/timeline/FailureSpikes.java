package dev.pitwall.ops.timeline;

import dev.pitwall.ops.runs.FlowRunSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Failure-rate spikes from the platform's failed runs: a bucket that jumps by {@link SpikeRule#FAILURES}. */
public final class FailureSpikes implements TimelineSource {

    public static final Duration BUCKET = Duration.ofMinutes(5);

    private final FlowRunSource runs;

    public FailureSpikes(FlowRunSource runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "failed runs";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        FailedRunList.Fetched fetched = FailedRunList.fetch(runs, from, to, FailedRunList.DEFAULT_CAP);
        List<TimelineEntry> out = spikes(FailureBuckets.count(fetched.runs(), from, to, BUCKET));
        return new Reading(out, fetched.capped() ? List.of("more than " + FailedRunList.DEFAULT_CAP
                + " failed runs: spikes after the cap are not shown") : List.of());
    }

    public static List<TimelineEntry> spikes(FailureBuckets b) {
        List<TimelineEntry> out = new ArrayList<>();
        boolean inSpike = false;
        for (int i = 0; i < b.counts().length; i++) {
            long before = i == 0 ? 0 : b.counts()[i - 1];
            boolean spike = inSpike ? b.counts()[i] >= SpikeRule.FAILURES.minimum()
                    : SpikeRule.FAILURES.isSpike(b.counts()[i], before);
            if (spike && !inSpike) {
                out.add(new TimelineEntry(b.bucketStart(i), TimelineKind.FAILURE_SPIKE, TimelineEntry.Level.CRITICAL,
                        "failed runs", b.counts()[i] + " runs failed in " + BUCKET.toMinutes() + " min (" + before
                        + " in the " + BUCKET.toMinutes() + " min before)", null));
            }
            inSpike = spike;
        }
        return out;
    }
}
