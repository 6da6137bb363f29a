package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueRates;
import dev.pitwall.model.QueueStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Added/completed/failed per minute for one queue, over the samples of the last minute.
 *
 * <p>How: each refresh counts the {@code added}, {@code completed} and {@code failed} entries of the queue's event
 * stream since the previous refresh (see {@link EventTally}). That is exact even when jobs are removed on completion
 * ({@code removeOnComplete}) or failure, which the counts alone cannot tell from "nothing happened". When the bound
 * on entries per refresh was reached, the counts cover the span of the counted entries' ids (server time) instead of
 * the whole interval. A queue without an event stream falls back to differences of successive counts: completed and
 * failed are the growth of their sets (never negative), added is the growth of the live jobs plus those two. That
 * undercounts when sets are trimmed; {@link QueueRates#fromEvents()} says which method was used.
 */
public final class QueueRateTracker {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Step(Instant at, double spanMillis, long added, long completed, long failed, boolean fromEvents) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private QueueStats previous;
    private Instant previousAt;

    public synchronized QueueRates update(QueueStats stats, EventTally events) {
        Instant at = stats.sampledAt();
        if (previous != null) {
            Step step = step(stats, events, Duration.between(previousAt, at).toMillis());
            if (step != null) {
                steps.addLast(step);
            }
        }
        previous = stats;
        previousAt = at;
        while (!steps.isEmpty() && steps.peekFirst().at().isBefore(at.minus(WINDOW))) {
            steps.removeFirst();
        }
        return rates();
    }

    private Step step(QueueStats now, EventTally events, long intervalMillis) {
        if (events.streamExists() && !events.first()) {
            double span = intervalMillis;
            if (!events.complete()) {
                span = EventTally.millisOf(events.newestId()) - EventTally.millisOf(events.oldestCountedId());
            }
            return new Step(now.sampledAt(), Math.max(1, span), events.added(), events.completed(), events.failed(),
                    true);
        }
        if (events.streamExists() || intervalMillis <= 0) {
            return null; // the first look at a stream only marks where counting starts
        }
        long completed = Math.max(0, now.completed() - previous.completed());
        long failed = Math.max(0, now.failed() - previous.failed());
        long added = Math.max(0, now.live() - previous.live() + completed + failed);
        return new Step(now.sampledAt(), intervalMillis, added, completed, failed, false);
    }

    private QueueRates rates() {
        if (steps.isEmpty()) {
            return QueueRates.unknown();
        }
        double span = 0;
        long added = 0;
        long completed = 0;
        long failed = 0;
        for (Step s : steps) {
            span += s.spanMillis();
            added += s.added();
            completed += s.completed();
            failed += s.failed();
        }
        double perMinute = 60_000.0 / span;
        return new QueueRates(added * perMinute, completed * perMinute, failed * perMinute,
                steps.peekLast().fromEvents());
    }
}
