package dev.pitwall.ops.replay;

/**
 * Where a replay stands, for the Operations panel and the CLI.
 *
 * @param phase   "canary", "sending", "waiting for queue", "following up", "stopped", "done"
 * @param message the latest notable thing ("paused: queue workerJobs holds 5,200 waiting > 5,000")
 */
public record ReplayProgress(String phase, long total, long sent, long accepted, long rejected, long succeeded,
                             long failedAgain, long stuck, String message) {
}
