package dev.pitwall.ops.queues;

/**
 * Events of one kind counted in a queue's {@code events} stream since the previous refresh, newest first and at most
 * a bounded number of entries.
 *
 * @param streamExists   false when the queue has no event stream (then rates come from count differences)
 * @param newestId       the newest entry's id: where the next refresh starts ("" when the stream is empty)
 * @param first          true on the first look at the stream: nothing was counted, only the position remembered
 * @param complete       true when every entry since the previous position was counted; false when the bound was
 *                       reached, so that the counts cover only the span from {@code oldestCountedId} to
 *                       {@code newestId}
 * @param oldestCountedId the oldest entry counted ("" when none)
 */
public record EventTally(boolean streamExists, String newestId, boolean first, boolean complete, long added,
                         long completed, long failed, String oldestCountedId) {

    public static EventTally noStream() {
        return new EventTally(false, "", false, true, 0, 0, 0, "");
    }

    /** The milliseconds part of a stream entry id ("1764300000000-3"), or -1 for an empty or foreign id. */
    public static long millisOf(String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            return -1;
        }
        int dash = streamId.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
