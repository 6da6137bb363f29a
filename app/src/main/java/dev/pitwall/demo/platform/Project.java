package dev.pitwall.demo.platform;

import dev.pitwall.demo.bullmq.BullQueue;

/**
 * A platform project and the queue its flow jobs go to: the shared {@code workerJobs}, or its dedicated worker
 * group's {@code platform-<groupId>-jobs} ({@code groupId} null for shared-cloud projects).
 */
public record Project(String id, String displayName, String platformId, String groupId, BullQueue queue) {
}
