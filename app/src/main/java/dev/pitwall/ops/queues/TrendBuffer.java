package dev.pitwall.ops.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code span} of one queue's trend in a fixed ring of points: memory stays constant however long the
 * console runs. Points older than the span are left out when read, so a pause in refreshing shows as a gap.
 */
public final class TrendBuffer {

    private final TrendPoint[] ring;
    private final Duration span;
    private int next;
    private int size;

    /** Room for one point per {@code interval} over {@code span}. */
    public TrendBuffer(Duration span, Duration interval) {
        this.span = span;
        this.ring = new TrendPoint[(int) Math.max(2, span.toMillis() / Math.max(1, interval.toMillis()) + 1)];
    }

    public synchronized void add(TrendPoint point) {
        ring[next] = point;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The points within {@code span} before {@code now}, oldest first. */
    public synchronized List<TrendPoint> points(Instant now) {
        Instant from = now.minus(span);
        List<TrendPoint> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            TrendPoint p = ring[(next - size + i + ring.length) % ring.length];
            if (!p.at().isBefore(from)) {
                out.add(p);
            }
        }
        return out;
    }

    public int capacity() {
        return ring.length;
    }
}
