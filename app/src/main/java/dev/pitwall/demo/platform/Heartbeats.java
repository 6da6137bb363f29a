package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.demo.bullmq.BullMqBatch;
import dev.pitwall.demo.world.SimWorker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Each running worker's MachineInformation in the Redis hash {@code workerMachines} (field = worker id), at most once
 * per interval of real time, stamped with the real time: the console ages heartbeats against its own clock. A
 * worker that stops running stops writing, so its heartbeat goes stale like a dead pod's.
 */
final class Heartbeats {

    static final String KEY = "workerMachines";
    static final Duration OFFLINE_AFTER = Duration.ofSeconds(60);
    static final long RAM_BYTES = 4L * 1024 * 1024 * 1024;
    static final int CPU_CORES = 2;
    static final String SANDBOX_MEMORY_LIMIT = "524288";

    /** The last heartbeat of a worker, as written. */
    record Machine(String workerId, ObjectNode information, Instant updatedAt) {
    }

    private final Clock wall;
    private final Duration interval;
    private final Map<String, Machine> machines = new LinkedHashMap<>();

    Heartbeats(Clock wall, Duration interval) {
        this.wall = wall;
        this.interval = interval;
    }

    void write(BullMqBatch batch, List<SimWorker> workers, ToIntFunction<String> busy) {
        Instant now = wall.instant().truncatedTo(ChronoUnit.MILLIS);
        for (SimWorker worker : workers) {
            if (!worker.running()) {
                continue;
            }
            Machine last = machines.get(worker.workerId());
            if (last != null && Duration.between(last.updatedAt(), now).compareTo(interval) < 0) {
                continue;
            }
            ObjectNode info = information(worker, busy.applyAsInt(worker.workerId()), now);
            machines.put(worker.workerId(), new Machine(worker.workerId(), info, now));
            batch.hset(KEY, worker.workerId(), info.toString());
        }
    }

    List<Machine> machines() {
        return new ArrayList<>(machines.values());
    }

    boolean online(Machine machine) {
        return Duration.between(machine.updatedAt(), wall.instant()).compareTo(OFFLINE_AFTER) <= 0;
    }

    private static ObjectNode information(SimWorker worker, int busySandboxes, Instant now) {
        int concurrency = Math.max(1, worker.concurrency());
        double load = Math.min(1.0, (double) busySandboxes / concurrency);
        ObjectNode info = FlowJobs.JSON.createObjectNode();
        info.put("workerId", worker.workerId());
        info.put("cpuUsagePercentage", round(6 + 80 * load));
        info.put("ramUsagePercentage", round(28 + 50 * load));
        info.put("totalAvailableRamInBytes", RAM_BYTES);
        info.put("totalCpuCores", CPU_CORES);
        long total = worker.diskTotalBytes();
        long used = Math.min(worker.diskUsedBytes(), total);
        ObjectNode disk = info.putObject("diskInfo");
        disk.put("total", total);
        disk.put("free", total - used);
        disk.put("used", used);
        disk.put("percentage", total == 0 ? 0 : round(100.0 * used / total));
        info.put("ip", worker.podIp());
        ObjectNode props = info.putObject("workerProps");
        if (worker.executionMode() != null) {
            props.put("EXECUTION_MODE", worker.executionMode());
        }
        props.put("WORKER_CONCURRENCY", String.valueOf(worker.concurrency()));
        props.put("SANDBOX_MEMORY_LIMIT", SANDBOX_MEMORY_LIMIT);
        props.put("REUSE_SANDBOX", "true");
        props.put("version", worker.version());
        ArrayNode sandboxes = info.putArray("sandboxes");
        for (int i = 0; i < worker.concurrency(); i++) {
            boolean busy = i < busySandboxes;
            sandboxes.addObject()
                    .put("sandboxId", worker.workerId() + "-sandbox-" + i)
                    .put("boxId", i)
                    .put("busy", busy)
                    .put("memoryUsageBytes", busy ? 182_000_000L : 41_000_000L);
        }
        info.put("updatedAt", now.toString());
        return info;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
