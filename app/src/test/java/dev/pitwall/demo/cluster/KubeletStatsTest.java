package dev.pitwall.demo.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kubelet stats summary of each node, over HTTP, in the kubelet's format. */
class KubeletStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SimulatedCluster world;

    @BeforeAll
    static void start() {
        world = SimulatedCluster.start(3);
        world.advance(Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        world.close();
    }

    @Test
    void eachNodeReportsItsPodsWithTheirCacheVolumeAndTheClaimBehindIt() throws Exception {
        Map<String, JsonNode> cacheByPod = cacheVolumes();
        assertThat(cacheByPod).hasSize(14);
        for (int ordinal = 0; ordinal < 8; ordinal++) {
            JsonNode cache = cacheByPod.get("ap-shared/activepieces-worker-" + ordinal);
            assertThat(cache.path("capacityBytes").asLong()).isEqualTo(DemoFleet.CACHE_BYTES);
            assertThat(cache.path("pvcRef").path("name").asText()).isEqualTo("cache-activepieces-worker-" + ordinal);
            assertThat(cache.path("pvcRef").path("namespace").asText()).isEqualTo("ap-shared");
            assertThat(cache.path("usedBytes").asLong() + cache.path("availableBytes").asLong())
                    .isEqualTo(DemoFleet.CACHE_BYTES);
        }
        assertThat(cacheByPod.entrySet()).filteredOn(e -> e.getKey().startsWith("ap-dedicated-"))
                .hasSize(6).allSatisfy(e -> assertThat(e.getValue().has("pvcRef")).isFalse());
        for (SimWorker worker : world.simulator.workers()) {
            assertThat(cacheByPod.get(worker.namespace() + "/" + worker.pod()).path("usedBytes").asLong())
                    .as("the roster and the kubelet agree on " + worker.pod()).isEqualTo(worker.diskUsedBytes());
        }
        JsonNode node = summary("node-2");
        assertThat(node.path("node").path("nodeName").asText()).isEqualTo("node-2");
        assertThat(node.path("pods")).allSatisfy(pod -> {
            assertThat(pod.path("podRef").path("uid").asText()).isNotBlank();
            assertThat(pod.path("containers").get(0).path("name").asText()).isEqualTo("worker");
            assertThat(pod.path("containers").get(0).path("memory").path("workingSetBytes").asLong()).isPositive();
        });
    }

    @Test
    void usedBytesGrowAsSimulatedTimePasses() throws Exception {
        Map<String, JsonNode> before = cacheVolumes();
        world.advance(Duration.ofMinutes(15));
        Map<String, JsonNode> after = cacheVolumes();
        before.forEach((pod, volume) -> assertThat(after.get(pod).path("usedBytes").asLong())
                .as(pod).isGreaterThan(volume.path("usedBytes").asLong()));
    }

    private static Map<String, JsonNode> cacheVolumes() throws IOException, InterruptedException {
        Map<String, JsonNode> caches = new HashMap<>();
        for (String node : new String[]{"node-1", "node-2", "node-3", "node-4"}) {
            for (JsonNode pod : summary(node).path("pods")) {
                for (JsonNode volume : pod.path("volume")) {
                    if (volume.path("name").asText().equals("cache")) {
                        caches.put(pod.path("podRef").path("namespace").asText() + "/"
                                + pod.path("podRef").path("name").asText(), volume);
                    }
                }
            }
        }
        return caches;
    }

    private static JsonNode summary(String node) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(world.cluster.url()
                + "api/v1/nodes/" + node + "/proxy/stats/summary")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
