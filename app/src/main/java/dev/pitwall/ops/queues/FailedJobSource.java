package dev.pitwall.ops.queues;

/** A port: reads a queue's failed set page by page, never the whole set. Throws {@link QueueBackendException}. */
public interface FailedJobSource {

    /** Bytes of {@code data}, {@code stacktrace} and {@code opts} read per job at most; the rest is only measured. */
    int FIELD_LIMIT_BYTES = 64 * 1024;

    /** The jobs ranked {@code offset} to {@code offset + limit - 1} by finish time, newest first, in one read. */
    FailedSlice failedSlice(String queue, long offset, int limit);
}
