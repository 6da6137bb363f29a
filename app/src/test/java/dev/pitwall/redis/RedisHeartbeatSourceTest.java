package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.model.ExecutionModeSource;
import dev.pitwall.model.Heartbeat;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.HeartbeatSource;
import dev.pitwall.testing.FleetFakes;
import dev.pitwall.testing.MutableClock;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.time.Instant;

import static dev.pitwall.testing.FleetFakes.pod;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class RedisHeartbeatSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");

    private RedisClient redis;

    @BeforeEach
    void connect(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.del(RedisHeartbeatSource.KEY);
    }

    @AfterEach
    void close() {
        redis.close();
    }

    /** MachineInformation as Activepieces writes it, plus the updatedAt the demo adds. */
    static String machine(String workerId, String ip, String mode, String version, Instant updatedAt) {
        return """
                {"workerId":"%s","cpuUsagePercentage":37.25,"ramUsagePercentage":58.5,
                 "totalAvailableRamInBytes":8589934592,"totalCpuCores":4,
                 "diskInfo":{"total":2147483648,"free":536870912,"used":1610612736,"percentage":75},
                 "ip":"%s",
                 "workerProps":{"EXECUTION_MODE":"%s","WORKER_CONCURRENCY":"5","SANDBOX_MEMORY_LIMIT":"1048576",
                                "REUSE_SANDBOX":"true","version":"%s"},
                 "sandboxes":[{"sandboxId":"s1","boxId":"1","busy":true,"memoryUsageBytes":104857600},
                              {"sandboxId":"s2","boxId":"2","busy":false,"memoryUsageBytes":0},
                              {"sandboxId":"s3","boxId":"3","busy":true,"memoryUsageBytes":52428800}],
                 "updatedAt":"%s"}
                """.formatted(workerId, ip, mode, version, updatedAt);
    }

    @Test
    void readsEveryFieldOfTheReferenceFormat(RedisServerProcess server) throws Exception {
        redis.hset(RedisHeartbeatSource.KEY, "w-1", machine("w-1", "10.4.0.1", "SANDBOX_PROCESS", "0.87.3", NOW));
        try (HeartbeatSource source = new RedisHeartbeatSource(RedisClients.open(RedisEndpoint.parse(server.url()),
                null))) {
            HeartbeatSource.Read read = source.read();
            assertThat(read.problems()).isEmpty();
            Heartbeat h = read.heartbeats().get(0);
            assertThat(h.workerId()).isEqualTo("w-1");
            assertThat(h.ip()).isEqualTo("10.4.0.1");
            assertThat(h.cpuUsagePercentage()).isEqualTo(37.25);
            assertThat(h.ramUsagePercentage()).isEqualTo(58.5);
            assertThat(h.totalAvailableRamInBytes()).isEqualTo(8_589_934_592L);
            assertThat(h.totalCpuCores()).isEqualTo(4);
            assertThat(h.disk()).isEqualTo(new Heartbeat.Disk(2147483648L, 536870912L, 1610612736L, 75.0));
            assertThat(h.executionMode()).isEqualTo("SANDBOX_PROCESS");
            assertThat(h.workerConcurrency()).isEqualTo("5");
            assertThat(h.sandboxMemoryLimit()).isEqualTo("1048576");
            assertThat(h.reuseSandbox()).isEqualTo("true");
            assertThat(h.version()).isEqualTo("0.87.3");
            assertThat(h.sandboxesBusy()).isEqualTo(2);
            assertThat(h.sandboxesTotal()).isEqualTo(3);
            assertThat(h.updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void corruptEntriesAreReportedAndTheOthersStillRead(RedisServerProcess server) throws Exception {
        redis.hset(RedisHeartbeatSource.KEY, "good", machine("good", "10.4.0.2", "UNSANDBOXED", "0.87.3", NOW));
        redis.hset(RedisHeartbeatSource.KEY, "broken", "{\"workerId\": \"broken\", \"ip\": ");
        redis.hset(RedisHeartbeatSource.KEY, "scalar", "42");
        redis.hset(RedisHeartbeatSource.KEY, "badtime", machine("badtime", "10.4.0.3", "UNSANDBOXED", "0.87.3", NOW)
                .replace(NOW.toString(), "yesterday"));
        try (HeartbeatSource source = new RedisHeartbeatSource(RedisClients.open(RedisEndpoint.parse(server.url()),
                null))) {
            HeartbeatSource.Read read = source.read();
            assertThat(read.heartbeats()).extracting(Heartbeat::workerId).containsExactlyInAnyOrder("good", "badtime");
            assertThat(read.problems()).hasSize(3);
            assertThat(read.problems()).anySatisfy(p -> assertThat(p).startsWith(
                    "workerMachines entry 'broken' is not valid JSON"));
            assertThat(read.problems()).contains("workerMachines entry 'scalar' is not a JSON object",
                    "heartbeat of worker badtime has an unreadable updatedAt 'yesterday'");
        }
    }

    @Test
    void aLargeHashIsReadInPages(RedisServerProcess server) throws Exception {
        try (AbstractPipeline p = redis.pipelined()) {
            for (int i = 0; i < 1_500; i++) {
                p.hset(RedisHeartbeatSource.KEY, "w-" + i, machine("w-" + i, "10.5." + (i / 250) + "." + (i % 250),
                        "UNSANDBOXED", "0.87.3", NOW));
            }
        }
        try (HeartbeatSource source = new RedisHeartbeatSource(RedisClients.open(RedisEndpoint.parse(server.url()),
                null))) {
            assertThat(source.read().heartbeats()).hasSize(1_500);
        }
    }

    @Test
    void heartbeatsJoinWorkerPodsByIpAndUnknownWorkersAreReported(RedisServerProcess server) {
        redis.hset(RedisHeartbeatSource.KEY, "a1", machine("a1", "10.6.0.1", "SANDBOX_CODE_ONLY", "0.87.3",
                NOW.minusSeconds(4)));
        redis.hset(RedisHeartbeatSource.KEY, "stray", machine("stray", "10.6.9.9", "UNSANDBOXED", "0.87.3", NOW));
        redis.hset(RedisHeartbeatSource.KEY, "junk", "not json at all");
        MutableClock clock = new MutableClock(NOW);
        FleetFakes.Cluster cluster = new FleetFakes.Cluster();
        try (FleetEngine engine = FleetFakes.engine(new FleetSources(cluster, new FleetFakes.Volumes(),
                new RedisHeartbeatSource(RedisClients.open(RedisEndpoint.parse(server.url()), null)), null, null),
                new DirectExecutor(), clock, new AlertCenter(clock, 100))) {
            engine.start().join();
            cluster.pods(pod("ap-dedicated-globex", "activepieces-worker-globex-0").ip("10.6.0.1").build(),
                    pod("ap-dedicated-globex", "activepieces-worker-globex-1").ip("10.6.0.2").build());
            engine.readHeartbeats();

            Worker joined = engine.latest().workers().stream().filter(w -> w.ip().equals("10.6.0.1")).findFirst()
                    .orElseThrow();
            assertThat(joined.executionMode().mode()).contains(ExecutionMode.SANDBOX_CODE_ONLY);
            assertThat(joined.executionMode().source()).isEqualTo(ExecutionModeSource.HEARTBEAT);
            assertThat(joined.heartbeatAge(NOW)).isEqualTo(Duration.ofSeconds(4));
            assertThat(joined.sandboxesBusy()).isEqualTo(2);
            Worker missing = engine.latest().workers().stream().filter(w -> w.ip().equals("10.6.0.2")).findFirst()
                    .orElseThrow();
            assertThat(missing.executionMode().source()).isEqualTo(ExecutionModeSource.ENV);
            assertThat(missing.unknown(Worker.HEARTBEAT)).isEqualTo("no heartbeat from 10.6.0.2 in workerMachines");
            assertThat(engine.latest().notices()).hasSize(2)
                    .anySatisfy(n -> assertThat(n).startsWith("workerMachines entry 'junk' is not valid JSON"))
                    .contains("heartbeat of unknown worker stray (IP 10.6.9.9 is no worker pod's)");
        }
    }
}
