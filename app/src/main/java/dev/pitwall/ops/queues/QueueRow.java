package dev.pitwall.ops.queues;

import dev.pitwall.model.QueueRates;
import dev.pitwall.model.QueueStats;

/** One line of the queue board: the counts, the rates, and what the layout check said. */
public record QueueRow(QueueStats stats, QueueRates rates, BullLayout layout) {

    public String name() {
        return stats.name();
    }

    /** "bullmq 6.7.0", "unknown layout: ..." or "no version recorded". */
    public String layoutText() {
        return BullLayout.describe(stats.layoutVersion());
    }
}
