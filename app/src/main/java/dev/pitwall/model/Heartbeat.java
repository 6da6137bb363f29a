package dev.pitwall.model;

import java.time.Instant;
import java.util.List;

/**
 * One worker's heartbeat (Activepieces MachineInformation) from the Redis hash {@code workerMachines}. Fields the
 * worker did not send are null.
 *
 * @param executionMode workerProps.EXECUTION_MODE verbatim
 * @param version       workerProps.version
 * @param updatedAt     wall-clock time the heartbeat was written, when the writer records it
 */
public record Heartbeat(
        String workerId,
        String ip,
        Double cpuUsagePercentage,
        Double ramUsagePercentage,
        Long totalAvailableRamInBytes,
        Integer totalCpuCores,
        Disk disk,
        String executionMode,
        String workerConcurrency,
        String sandboxMemoryLimit,
        String reuseSandbox,
        String version,
        List<Sandbox> sandboxes,
        Instant updatedAt) {

    public Heartbeat {
        sandboxes = sandboxes == null ? null : List.copyOf(sandboxes);
    }

    /** diskInfo: bytes and used percentage. */
    public record Disk(Long total, Long free, Long used, Double percentage) {
    }

    public record Sandbox(String sandboxId, String boxId, boolean busy, Long memoryUsageBytes) {
    }

    public Integer sandboxesBusy() {
        return sandboxes == null ? null : (int) sandboxes.stream().filter(Sandbox::busy).count();
    }

    public Integer sandboxesTotal() {
        return sandboxes == null ? null : sandboxes.size();
    }
}
