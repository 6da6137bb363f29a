package dev.pitwall.ops.timeline;

import dev.pitwall.ops.queues.TrendPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Queue-depth spikes from the queues' trends: waiting jobs jumping by {@link SpikeRule#QUEUE_DEPTH} against the
 * lowest depth of the {@link #LOOKBACK} before. Only as far back as the trends reach (the session's last 30 min).
 */
public final class QueueSpikes implements TimelineSource {

    public static final Duration LOOKBACK = Duration.ofMinutes(5);

    private final Supplier<Map<String, List<TrendPoint>>> trends;

    public QueueSpikes(Supplier<Map<String, List<TrendPoint>>> trends) {
        this.trends = trends;
    }

    @Override
    public String name() {
        return "queues";
    }

    @Override
    public Reading read(Instant from, Instant to) {
        List<TimelineEntry> out = new ArrayList<>();
        trends.get().forEach((queue, points) -> out.addAll(spikes(queue, points)));
        return Reading.of(out);
    }

    public static List<TimelineEntry> spikes(String queue, List<TrendPoint> points) {
        List<TimelineEntry> out = new ArrayList<>();
        boolean inSpike = false;
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            long baseline = Long.MAX_VALUE;
            for (int j = i - 1; j >= 0 && !points.get(j).at().isBefore(p.at().minus(LOOKBACK)); j--) {
                baseline = Math.min(baseline, points.get(j).waiting());
            }
            if (baseline == Long.MAX_VALUE) {
                continue;
            }
            boolean spike = SpikeRule.QUEUE_DEPTH.isSpike(p.waiting(), baseline);
            if (spike && !inSpike) {
                out.add(new TimelineEntry(p.at(), TimelineKind.QUEUE_SPIKE, TimelineEntry.Level.WARNING, queue,
                        "waiting jobs rose to " + p.waiting() + " (from " + baseline + " within "
                        + LOOKBACK.toMinutes() + " min)", null));
            }
            inSpike = spike || (inSpike && p.waiting() > baseline);
        }
        return out;
    }
}
