package dev.pitwall.ops.trust;

import java.time.Instant;

/**
 * One worker's last heartbeat (an entry of the Redis hash {@code workerMachines}), reduced to what trust needs.
 *
 * @param ip             the worker's IP (joined to pod IPs), or null
 * @param updatedAt      when it was written, or null when it does not say
 * @param executionMode  workerProps.EXECUTION_MODE as written, or null when absent
 * @param problem        why the entry could not be read fully (not JSON, no workerProps), or null
 */
public record Heartbeat(String workerId, String ip, Instant updatedAt, String executionMode, String problem) {

    /** The mode this heartbeat reports: as written, or unknown with the reason it reports none. */
    public ModeReading reading() {
        if (executionMode != null) {
            return ModeReading.of(executionMode);
        }
        return ModeReading.unread(problem != null ? problem : "heartbeat reports no EXECUTION_MODE");
    }
}
