package dev.pitwall.ops.replay;

import java.time.Instant;

/**
 * One execution to replay.
 *
 * @param partition the project id (platform replay) or the queue name (BullMQ replay): one send goes to one partition
 * @param group     the failed-runs group it belongs to (flow / failed step / error signature), for canaries and counts
 * @param finishedAt when the failure being replayed ended: a later finish time means it has run again since
 */
public record ReplayItem(String id, String partition, String flowId, String failedStepName, String group,
                         Instant created, Instant finishedAt) {
}
