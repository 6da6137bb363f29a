package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueRates;
import dev.pitwall.model.QueueStats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every queue: those the profile names plus those discovered, refreshed together in one round trip. Keeps
 * per queue the event-stream position, the rate tracker and the 30-minute trend. Discovery walks the whole key space
 * (SCAN), so it runs at the first refresh and then once a minute, not on every refresh. Call {@link #refresh()} from
 * one background thread at a time; {@link #trend} may be read from any thread.
 */
public final class QueueMonitor {

    public static final Duration REFRESH_PERIOD = Duration.ofSeconds(2);
    public static final Duration TREND_SPAN = Duration.ofMinutes(30);
    private static final Duration DISCOVERY_PERIOD = Duration.ofMinutes(1);

    private final QueueSource source;
    private final List<String> configured;
    private final Clock clock;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Map<String, QueueRateTracker> rates = new ConcurrentHashMap<>();
    private final Map<String, TrendBuffer> trends = new ConcurrentHashMap<>();
    private List<String> names;
    private Instant discoveredAt;

    public QueueMonitor(QueueSource source, List<String> configuredQueues, Clock clock) {
        this.source = source;
        this.configured = List.copyOf(configuredQueues);
        this.clock = clock;
    }

    /** Reads every queue once; throws {@link QueueBackendException} when Redis cannot be asked. */
    public synchronized QueueBoard refresh() {
        Instant now = clock.instant();
        if (names == null || !now.isBefore(discoveredAt.plus(DISCOVERY_PERIOD))) {
            rediscover(now);
        }
        List<QueueSample> samples = source.sample(names, cursors);
        Instant sampledAt = clock.instant();
        List<QueueRow> rows = new ArrayList<>(samples.size());
        for (QueueSample sample : samples) {
            QueueStats stats = JobCounting.stats(sample, sampledAt);
            cursors.put(sample.name(), sample.events().newestId());
            QueueRates r = rates.computeIfAbsent(sample.name(), n -> new QueueRateTracker())
                    .update(stats, sample.events());
            trends.computeIfAbsent(sample.name(), n -> new TrendBuffer(TREND_SPAN, REFRESH_PERIOD))
                    .add(new TrendPoint(sampledAt, stats.queued(), stats.active(), stats.failed()));
            rows.add(new QueueRow(stats, r, BullLayout.of(stats.layoutVersion())));
        }
        return new QueueBoard(rows, sampledAt);
    }

    /** The trend of one queue over the last 30 minutes, oldest first (empty for a queue never refreshed). */
    public List<TrendPoint> trend(String queue) {
        TrendBuffer buffer = trends.get(queue);
        return buffer == null ? List.of() : buffer.points(clock.instant());
    }

    private void rediscover(Instant now) {
        TreeSet<String> all = new TreeSet<>(configured);
        all.addAll(source.discoverQueues());
        names = List.copyOf(all);
        discoveredAt = now;
        // forget queues that are gone (obliterated), so that a long session does not keep their history
        for (Map<String, ?> perQueue : List.of(cursors, rates, trends)) {
            perQueue.keySet().retainAll(all);
        }
    }
}
