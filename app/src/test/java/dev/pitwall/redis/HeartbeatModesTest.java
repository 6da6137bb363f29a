package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.ops.trust.Heartbeat;
import dev.pitwall.ops.trust.TrustBackendException;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Heartbeats from {@code workerMachines} in a real Redis: good entries, broken ones, and many of them. */
@ExtendWith(RedisServerExtension.class)
class HeartbeatModesTest {

    private RedisClient redis;
    private HeartbeatModes modes;

    @BeforeEach
    void connect(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.flushDB();
        modes = new HeartbeatModes(redis, server.url());
    }

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void eachEntryGivesItsIpModeAndTimeOrSaysWhatIsMissing() {
        redis.hset("workerMachines", Map.of(
                "w1", "{\"workerId\":\"w1\",\"ip\":\"10.42.1.10\",\"updatedAt\":\"2026-11-28T03:00:00.000Z\","
                        + "\"workerProps\":{\"EXECUTION_MODE\":\"SANDBOX_CODE_ONLY\",\"version\":\"0.87.3\"}}",
                "w2", "{\"ip\":\"10.42.1.11\",\"updatedAt\":1795834800000,\"cpuUsagePercentage\":3}",
                "w3", "{\"ip\":\"10.42.1.12\",\"workerProps\":{\"WORKER_CONCURRENCY\":\"5\"}}",
                "w4", "not json at all",
                "w5", "[1,2]"));

        List<Heartbeat> beats = modes.heartbeats().stream().sorted(Comparator.comparing(Heartbeat::workerId))
                .toList();
        assertThat(beats.subList(0, 3)).containsExactly(
                new Heartbeat("w1", "10.42.1.10", Instant.parse("2026-11-28T03:00:00Z"), "SANDBOX_CODE_ONLY", null),
                new Heartbeat("w2", "10.42.1.11", Instant.ofEpochMilli(1795834800000L), null,
                        "heartbeat reports no EXECUTION_MODE"),
                new Heartbeat("w3", "10.42.1.12", null, null, "heartbeat reports no EXECUTION_MODE"));
        assertThat(beats.get(1).reading().text()).isEqualTo("unknown: heartbeat reports no EXECUTION_MODE");
        assertThat(beats.subList(3, 5)).extracting(Heartbeat::workerId, Heartbeat::executionMode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w4", null),
                        org.assertj.core.groups.Tuple.tuple("w5", null));
        assertThat(beats.get(3).problem()).startsWith("workerMachines entry 'w4' is not valid JSON");
        assertThat(beats.get(4).problem()).isEqualTo("workerMachines entry 'w5' is not a JSON object");
    }

    @Test
    void aLargeFleetIsReadWholeInScanPages() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 1_300; i++) {
            many.put("w" + i, "{\"ip\":\"10.0." + (i / 250) + "." + (i % 250) + "\",\"workerProps\":"
                    + "{\"EXECUTION_MODE\":\"SANDBOX_PROCESS\"}}");
        }
        redis.hset("workerMachines", many);
        assertThat(modes.heartbeats()).hasSize(1_300).allMatch(b -> "SANDBOX_PROCESS".equals(b.executionMode()));
    }

    @Test
    void anUnreachableRedisIsABackendErrorNamingTheServer() {
        HeartbeatModes nowhere = new HeartbeatModes(RedisClients.open(RedisEndpoint.parse("redis://127.0.0.1:1"),
                null), "redis://127.0.0.1:1");
        assertThatThrownBy(nowhere::heartbeats).isInstanceOf(TrustBackendException.class)
                .hasMessageStartingWith("Redis at redis://127.0.0.1:1 could not read the heartbeats");
    }
}
