package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.testing.MutableClock;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.demo.world.SimWorker;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Worker heartbeats in {@code workerMachines}: MachineInformation's shape, real-time pacing, and silence on stop. */
@ExtendWith(RedisServerExtension.class)
class HeartbeatsTest {

    private static final Instant WALL = Instant.parse("2026-03-01T09:00:00Z");

    private RedisClient redis;
    private TestRoster roster;
    private MutableClock wall;
    private SimDriver driver;
    private PlatformSimulator platform;

    @BeforeEach
    void start(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.flushDB();
        roster = TestRoster.demoFleet();
        wall = new MutableClock(WALL);
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, roster, clock, 5, "key",
                PlatformOptions.defaults().withRates(30, 10).withWallClock(wall));
        driver = new SimDriver(clock);
        driver.add(platform);
    }

    @AfterEach
    void stop() {
        platform.close();
        redis.close();
    }

    private JsonNode heartbeat(String workerId) {
        try {
            String json = redis.hget("workerMachines", workerId);
            return json == null ? null : ApiClient.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void eachRunningWorkerWritesMachineInformationWithItsDiskModeVersionAndBusySandboxes() {
        roster.update(TestRoster.pod("activepieces-worker-4"), w -> TestRoster.diskUsed(w, 1_610_612_736L));
        roster.update(TestRoster.ofQueue("platform-wg-globex-jobs"), w -> TestRoster.mode(w, "SANDBOX_CODE_ONLY"));
        driver.advance(Duration.ofMinutes(1));

        assertThat(redis.hlen("workerMachines")).isEqualTo(14);
        SimWorker worker = roster.get("activepieces-worker-4");
        JsonNode beat = heartbeat(worker.workerId());
        assertThat(names(beat)).containsExactlyInAnyOrder("workerId", "cpuUsagePercentage", "ramUsagePercentage",
                "totalAvailableRamInBytes", "totalCpuCores", "diskInfo", "ip", "workerProps", "sandboxes",
                "updatedAt");
        assertThat(beat.path("workerId").asText()).isEqualTo(worker.workerId());
        assertThat(beat.path("ip").asText()).isEqualTo(worker.podIp());
        assertThat(beat.path("cpuUsagePercentage").isNumber()).isTrue();
        assertThat(beat.path("ramUsagePercentage").asDouble()).isBetween(0.0, 100.0);
        assertThat(beat.path("totalAvailableRamInBytes").asLong()).isPositive();
        assertThat(beat.path("totalCpuCores").asInt()).isPositive();
        JsonNode disk = beat.path("diskInfo");
        assertThat(disk.path("total").asLong()).isEqualTo(worker.diskTotalBytes());
        assertThat(disk.path("used").asLong()).isEqualTo(1_610_612_736L);
        assertThat(disk.path("free").asLong()).isEqualTo(worker.diskTotalBytes() - 1_610_612_736L);
        assertThat(disk.path("percentage").asDouble()).isEqualTo(75.0);
        JsonNode props = beat.path("workerProps");
        assertThat(names(props)).containsExactlyInAnyOrder("EXECUTION_MODE", "WORKER_CONCURRENCY",
                "SANDBOX_MEMORY_LIMIT", "REUSE_SANDBOX", "version");
        assertThat(props.path("EXECUTION_MODE").asText()).isEqualTo("SANDBOX_PROCESS");
        assertThat(props.path("WORKER_CONCURRENCY").asText()).isEqualTo("5");
        assertThat(props.path("version").asText()).isEqualTo(worker.version());
        assertThat(heartbeat("activepieces-worker-globex-0").path("workerProps").path("EXECUTION_MODE").asText())
                .isEqualTo("SANDBOX_CODE_ONLY");
        assertThat(Instant.parse(beat.path("updatedAt").asText())).isEqualTo(WALL);

        JsonNode sandboxes = beat.path("sandboxes");
        assertThat(sandboxes).hasSize(5);
        assertThat(names(sandboxes.get(0))).containsExactlyInAnyOrder("sandboxId", "boxId", "busy",
                "memoryUsageBytes");
    }

    @Test
    void busySandboxesAreTheRunsTheWorkerExecutesWhenItBeats() {
        driver.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            wall.advance(Duration.ofSeconds(15));
            driver.advance(SimDriver.TICK);
            for (SimWorker worker : roster.workers()) {
                long running = platform.runs().stream()
                        .filter(r -> r.status() == RunStatus.RUNNING && worker.workerId().equals(r.workerId()))
                        .count();
                long busy = 0;
                for (JsonNode box : heartbeat(worker.workerId()).path("sandboxes")) {
                    busy += box.path("busy").asBoolean() ? 1 : 0;
                }
                assertThat(busy).as(worker.workerId()).isEqualTo(running);
            }
        }
    }

    @Test
    void heartbeatsComeAtMostEveryFifteenRealSecondsAndStopWhenTheWorkerStops() {
        driver.advance(SimDriver.TICK);
        assertThat(heartbeat("activepieces-worker-0").path("updatedAt").asText()).isEqualTo(WALL.toString());

        wall.advance(Duration.ofSeconds(5));
        driver.advance(Duration.ofMinutes(1));
        assertThat(Instant.parse(heartbeat("activepieces-worker-0").path("updatedAt").asText())).isEqualTo(WALL);

        wall.advance(Duration.ofSeconds(10));
        driver.advance(SimDriver.TICK);
        assertThat(Instant.parse(heartbeat("activepieces-worker-0").path("updatedAt").asText()))
                .isEqualTo(WALL.plusSeconds(15));

        roster.update(TestRoster.pod("activepieces-worker-1"), w -> TestRoster.running(w, false));
        wall.advance(Duration.ofSeconds(61));
        driver.advance(SimDriver.TICK);
        assertThat(Instant.parse(heartbeat("activepieces-worker-0").path("updatedAt").asText()))
                .isEqualTo(WALL.plusSeconds(76));
        assertThat(Instant.parse(heartbeat("activepieces-worker-1").path("updatedAt").asText()))
                .isEqualTo(WALL.plusSeconds(15));

        platform.start();
        JsonNode machines = new ApiClient(platform.url(), "key").get("/api/v1/worker-machines").json();
        for (JsonNode machine : machines) {
            String expected = machine.path("id").asText().equals("activepieces-worker-1") ? "OFFLINE" : "ONLINE";
            assertThat(machine.path("status").asText()).as(machine.path("id").asText()).isEqualTo(expected);
        }
    }
}
