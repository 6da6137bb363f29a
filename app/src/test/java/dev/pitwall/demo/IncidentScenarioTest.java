package dev.pitwall.demo;

import dev.pitwall.platform.PlatformReplayTarget;
import dev.pitwall.ops.replay.ReplayBatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.ConsoleWorld;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident scenario end to end, seen only through the real clients a console uses (fabric8 over HTTP with the
 * demo's kubeconfig, Jedis, the platform API over HTTP): the shared workers' caches fill and crash-loop, runs fail at
 * their steps, one customer's heartbeats drift to SANDBOX_CODE_ONLY; then a rollback stops the fill, restoring the
 * mode stops the npm failures, and a bulk retry from the failed step ends with every failed run SUCCEEDED.
 * The world is moved by hand (speed 0), so the same seed always gives the same story.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final ConsoleWorld world = ConsoleWorld.demo(Scenario.INCIDENT, 42);
    private static DemoEnvironment demo;
    private static KubernetesClient kube;
    private static RedisClient redis;
    private static PlatformFlowRuns runs;

    @BeforeAll
    static void startIncident() throws Exception {
        demo = world.demo();
        kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
                Files.readString(demo.kube().kubeconfig()), demo.kube().kubeconfig().toString())).build();
        redis = RedisClients.open(RedisEndpoint.parse(demo.redisUrl()), null);
        runs = new PlatformFlowRuns(new PlatformHttp(URI.create(demo.platformUrl()), demo.platformKey()));
        demo.advance(Duration.ofMinutes(75));
    }

    @AfterAll
    static void stop() {
        kube.close();
        redis.close();
    }

    private static List<Pod> sharedPods() {
        return kube.pods().inNamespace(DemoFleet.SHARED_NAMESPACE).list().getItems();
    }

    private static Map<String, JsonNode> cacheVolumes() throws Exception {
        Map<String, JsonNode> byPod = new HashMap<>();
        for (String node : List.of("node-1", "node-2", "node-3", "node-4")) {
            JsonNode summary = JSON.readTree(kube.raw("/api/v1/nodes/" + node + "/proxy/stats/summary"));
            for (JsonNode pod : summary.path("pods")) {
                for (JsonNode v : pod.path("volume")) {
                    if (v.path("name").asText().equals("cache")) {
                        byPod.put(pod.path("podRef").path("name").asText(), v);
                    }
                }
            }
        }
        return byPod;
    }

    private static List<FlowRun> failedRunsSince(Instant since) {
        List<FlowRun> all = new ArrayList<>();
        RunQuery q = RunQuery.failedBetween(since, null);
        String cursor = null;
        do {
            RunPage page = runs.page(q, cursor, 1000);
            all.addAll(page.runs());
            cursor = page.isLast() ? null : page.next();
        } while (cursor != null);
        return all;
    }

    @Test
    @Order(1)
    void sharedCachesFillAndTheWorkersCrashLoop() throws Exception {
        Map<String, JsonNode> volumes = cacheVolumes();
        long nearlyFull = sharedPods().stream().map(p -> volumes.get(p.getMetadata().getName()))
                .filter(v -> v != null && v.path("usedBytes").asDouble() / v.path("capacityBytes").asDouble() >= 0.8)
                .count();
        assertThat(nearlyFull).as("shared caches at 80% or more").isGreaterThanOrEqualTo(1);
        List<Pod> pods = sharedPods();
        assertThat(pods).allMatch(p -> p.getSpec().getContainers().get(0).getImage()
                .endsWith(ImageBehaviour.INCIDENT_TAG));
        assertThat(pods.stream().mapToInt(p -> p.getStatus().getContainerStatuses().get(0).getRestartCount()).sum())
                .as("restarts across the shared workers").isGreaterThanOrEqualTo(4);
        assertThat(pods).anyMatch(p -> {
            var last = p.getStatus().getContainerStatuses().get(0).getLastState();
            return last != null && last.getTerminated() != null
                    && String.valueOf(last.getTerminated().getMessage()).contains("ENOSPC");
        });
    }

    @Test
    @Order(2)
    void runsFailAtTheirStepsThroughTheApi() {
        List<FlowRun> failed = failedRunsSince(SimClock.EPOCH);
        assertThat(failed).anyMatch(r -> r.status().raw().equals("INTERNAL_ERROR") && r.failedStep() != null
                && r.failedStep().message().contains("ENOSPC"));
        assertThat(failed).anyMatch(r -> r.status().raw().equals("FAILED")
                && r.projectId().equals(DemoFleet.projectOf(DemoFleet.FLIPPED_CUSTOMER))
                && r.failedStep() != null && r.failedStep().message().contains("Cannot find module"));
        assertThat(failed).allMatch(r -> r.failedStep() != null && r.failedStep().name() != null);
    }

    @Test
    @Order(3)
    void theFlippedCustomersHeartbeatsReportTheDriftedMode() throws Exception {
        Map<String, String> beats = redis.hgetAll("workerMachines");
        List<String> modes = new ArrayList<>();
        for (String json : beats.values()) {
            JsonNode b = JSON.readTree(json);
            if (b.path("workerProps").path("EXECUTION_MODE").asText().equals("SANDBOX_CODE_ONLY")) {
                modes.add(b.path("workerId").asText());
            }
        }
        assertThat(modes).isNotEmpty().allMatch(id -> id.startsWith(DemoFleet.workloadOf(DemoFleet.FLIPPED_CUSTOMER)));
    }

    @Test
    @Order(4)
    void rollbackAndRestoreEndTheIncidentAndABulkRetrySucceeds() throws Exception {
        String stable = ImageBehaviour.IMAGE_REPOSITORY + ":" + ImageBehaviour.STABLE_TAG;
        kube.apps().statefulSets().inNamespace(DemoFleet.SHARED_NAMESPACE).withName(DemoFleet.SHARED_WORKLOAD)
                .edit(s -> {
                    s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(stable);
                    return s;
                });
        String customer = DemoFleet.FLIPPED_CUSTOMER;
        kube.apps().deployments().inNamespace(DemoFleet.namespaceOf(customer)).withName(DemoFleet.workloadOf(customer))
                .edit(d -> {
                    List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
                    env.removeIf(e -> e.getName().equals("AP_EXECUTION_MODE"));
                    env.add(new EnvVar("AP_EXECUTION_MODE", "SANDBOX_PROCESS", null));
                    return d;
                });
        demo.advance(Duration.ofMinutes(20));
        int restartsAfterRollback = sharedPods().stream()
                .mapToInt(p -> p.getStatus().getContainerStatuses().get(0).getRestartCount()).sum();
        demo.advance(Duration.ofMinutes(60));
        assertThat(sharedPods()).allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals(stable));
        assertThat(sharedPods().stream().mapToInt(p -> p.getStatus().getContainerStatuses().get(0).getRestartCount())
                .sum()).as("no crash after the rollback").isEqualTo(restartsAfterRollback);
        Map<String, JsonNode> volumes = cacheVolumes();
        assertThat(sharedPods()).allMatch(p -> volumes.get(p.getMetadata().getName()).path("usedBytes").asDouble()
                / volumes.get(p.getMetadata().getName()).path("capacityBytes").asDouble() < 0.9);

        // no npm failures for runs created after the restored mode rolled out
        Instant afterFix = SimClock.EPOCH.plus(Duration.ofMinutes(75 + 20));
        assertThat(failedRunsSince(afterFix)).noneMatch(r -> r.failedStep() != null
                && String.valueOf(r.failedStep().message()).contains("Cannot find module"));

        List<FlowRun> failed = failedRunsSince(SimClock.EPOCH);
        Map<String, List<String>> byProject = new HashMap<>();
        failed.forEach(r -> byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r.id()));
        for (Map.Entry<String, List<String>> e : byProject.entrySet()) {
            // the adapter's write port, called directly: this test is about the platform simulator, not the guard
            List<RetryOutcome> outcomes = new PlatformReplayTarget(runs).write(new ReplayBatch(e.getKey(),
                    RetryStrategy.FROM_FAILED_STEP, e.getValue()));
            assertThat(outcomes).allMatch(RetryOutcome::accepted);
        }
        demo.advance(Duration.ofMinutes(30));
        for (FlowRun r : failed) {
            assertThat(runs.get(r.id())).get().satisfies(now ->
                    assertThat(now.status().raw()).as(r.id()).isEqualTo("SUCCEEDED"));
        }
    }
}
