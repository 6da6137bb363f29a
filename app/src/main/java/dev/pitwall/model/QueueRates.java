package dev.pitwall.model;

/**
 * Jobs per minute over roughly the last minute; each figure is null until two samples exist.
 *
 * @param fromEvents true when counted from the queue's event stream (exact), false when estimated from the
 *                   differences of successive counts (the queue has no event stream)
 */
public record QueueRates(Double addedPerMinute, Double completedPerMinute, Double failedPerMinute,
                         boolean fromEvents) {

    public static QueueRates unknown() {
        return new QueueRates(null, null, null, false);
    }

    public boolean isKnown() {
        return addedPerMinute != null;
    }
}
