package dev.pitwall.ops.replay;

/** Where a plan's executions live: the platform API, or a BullMQ queue's failed set directly. */
public enum ReplaySource {
    PLATFORM,
    BULLMQ
}
