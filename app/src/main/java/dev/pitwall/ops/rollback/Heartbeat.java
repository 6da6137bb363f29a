package dev.pitwall.ops.rollback;

/** What one worker last reported about itself: its id, version (image tag) and execution mode. */
public record Heartbeat(String workerId, String version, String executionMode) {
}
