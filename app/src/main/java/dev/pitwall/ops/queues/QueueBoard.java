package dev.pitwall.ops.queues;

import java.time.Instant;
import java.util.List;

/** Every watched queue after one refresh, sorted by name. */
public record QueueBoard(List<QueueRow> rows, Instant sampledAt) {

    public QueueBoard {
        rows = List.copyOf(rows);
    }
}
