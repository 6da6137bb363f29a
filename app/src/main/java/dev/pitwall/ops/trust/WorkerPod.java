package dev.pitwall.ops.trust;

/**
 * A pod of a worker workload.
 *
 * @param ip          the pod IP, or null before one is assigned
 * @param terminating being deleted: it no longer counts for the group's effective mode
 */
public record WorkerPod(String name, String ip, boolean terminating) {
}
