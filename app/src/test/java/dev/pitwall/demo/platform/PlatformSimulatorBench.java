package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How fast the simulated platform takes a replay: 100,000 failed runs retried in bulk calls of 1,000 over HTTP. */
@Tag("bench")
@ExtendWith(RedisServerExtension.class)
class PlatformSimulatorBench {

    private static final int RUNS = 100_000;
    private static final int BATCH = 1_000;

    @Test
    void memoryPerRun(RedisServerProcess server) {
        int runs = 200_000;
        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
             PlatformSimulator platform = new PlatformSimulator(redis, TestRoster.demoFleet(),
                     new SimClock(SimClock.EPOCH), 2, "bench-key", PlatformOptions.defaults().withRates(0, 0))) {
            long before = usedHeap();
            platform.seedHistory(new HistorySeed(runs, Duration.ofDays(20), 0.03, 0.01));
            long after = usedHeap();
            assertThat(platform.runs()).hasSize(runs);
            System.out.printf("BENCH simulator heap per stored run: %d bytes%n", (after - before) / runs);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void bulkRetryThroughput(RedisServerProcess server) {
        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
             PlatformSimulator platform = new PlatformSimulator(redis, TestRoster.demoFleet(),
                     new SimClock(SimClock.EPOCH), 1, "bench-key", PlatformOptions.defaults().withRates(0, 0))) {
            long seedStart = System.nanoTime();
            platform.seedHistory(new HistorySeed(RUNS, Duration.ofDays(7), 0.5, 0.5));
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf("BENCH simulator history seeding: %.0f runs/s%n", RUNS / seedSeconds);
            platform.start();
            ApiClient api = new ApiClient(platform.url(), "bench-key");

            Map<String, List<String>> failedByProject = new LinkedHashMap<>();
            for (Project project : platform.catalog().projects()) {
                List<String> ids = new ArrayList<>();
                api.listAll("projectId=" + project.id() + "&status=FAILED&status=INTERNAL_ERROR", BATCH)
                        .forEach(r -> ids.add(r.path("id").asText()));
                failedByProject.put(project.id(), ids);
            }
            assertThat(failedByProject.values().stream().mapToInt(List::size).sum()).isEqualTo(RUNS);

            long start = System.nanoTime();
            int retried = 0;
            for (Map.Entry<String, List<String>> project : failedByProject.entrySet()) {
                List<String> ids = project.getValue();
                for (int from = 0; from < ids.size(); from += BATCH) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                    ApiClient.Reply reply = api.post("/api/v1/flow-runs/retry", Map.of("projectId", project.getKey(),
                            "strategy", "FROM_FAILED_STEP", "flowRunIds", chunk));
                    assertThat(reply.status()).isEqualTo(200);
                    for (JsonNode run : reply.json()) {
                        assertThat(run.has("error")).as(run.toString()).isFalse();
                        retried++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH simulator bulk retry: %.0f runs/s%n", retried / seconds);

            assertThat(retried).isEqualTo(RUNS);
            assertThat(api.get("/api/v1/flow-runs/count-by-status").json().path("QUEUED").asInt()).isEqualTo(RUNS);
            long waiting = platform.catalog().queues().stream().mapToLong(q -> redis.llen(q.key("wait"))).sum();
            assertThat(waiting).isEqualTo(RUNS);
        }
    }
}
