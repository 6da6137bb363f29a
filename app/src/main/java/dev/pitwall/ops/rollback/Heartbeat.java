package dev.pitwall.ops.rollback;

/**
 * What one worker last reported about itself: its id, version (image tag) and execution mode, and when it wrote it
 * ({@code updatedAt}, null when the entry does not say: then only its presence counts).
 */
public record Heartbeat(String workerId, String version, String executionMode, java.time.Instant updatedAt) {
}
