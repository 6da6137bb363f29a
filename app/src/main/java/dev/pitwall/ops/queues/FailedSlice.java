package dev.pitwall.ops.queues;

import java.util.List;

/** A range of a failed set by rank, newest first, and the set's size when it was read. */
public record FailedSlice(long total, List<RawJob> jobs) {

    public FailedSlice {
        jobs = List.copyOf(jobs);
    }
}
