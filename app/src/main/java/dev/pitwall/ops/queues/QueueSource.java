package dev.pitwall.ops.queues;

import java.util.List;
import java.util.Map;

/** A port: where BullMQ queues live (Redis). Implementations throw {@link QueueBackendException} when unreachable. */
public interface QueueSource {

    /** The names of the queues that have a {@code meta} hash, found without blocking the server (SCAN, never KEYS). */
    List<String> discoverQueues();

    /**
     * Reads every named queue in one round trip, whatever the queues' sizes.
     *
     * @param eventCursors per queue, the newest event id seen by the previous refresh; absent or "" on the first
     */
    List<QueueSample> sample(List<String> queues, Map<String, String> eventCursors);
}
