package dev.pitwall.demo.world;

/**
 * A worker pod as the simulated platform sees it, published by the cluster simulator.
 *
 * @param groupId        AP_WORKER_GROUP_ID, or null for the shared workers
 * @param queue          the BullMQ queue it pulls from ("workerJobs" or "platform-<groupId>-jobs")
 * @param executionMode  AP_EXECUTION_MODE exactly as in the pod's env (may be null or an unknown string)
 * @param running        the container is running and ready (not crash-looping, not terminating)
 * @param version        the version the worker reports (the image tag)
 */
public record SimWorker(
        String namespace,
        String pod,
        String podIp,
        String node,
        String workload,
        String groupId,
        String queue,
        String image,
        String version,
        String executionMode,
        int concurrency,
        boolean running,
        long diskUsedBytes,
        long diskTotalBytes) {

    public ImageBehaviour behaviour() {
        return ImageBehaviour.of(image);
    }

    /** A stable worker id for heartbeats: the pod name (Activepieces uses a generated id per process). */
    public String workerId() {
        return pod;
    }
}
