package dev.pitwall.ops.replay;

import dev.pitwall.ops.runs.RetryStrategy;

import java.util.List;

/** One batch of one partition (a project, a queue) sent to be replayed: the write of a replay. */
public record ReplayBatch(String partition, RetryStrategy strategy, List<String> ids) {

    public ReplayBatch {
        ids = List.copyOf(ids);
    }
}
