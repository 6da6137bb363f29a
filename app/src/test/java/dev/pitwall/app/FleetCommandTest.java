package dev.pitwall.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.app.settings.ConfigDirs;
import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.CliRun;
import dev.pitwall.testing.KubeMockExtension;
import dev.pitwall.testing.RedisServerExtension;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pitwall.testing.WorkerObjects.controllerRevision;
import static dev.pitwall.testing.WorkerObjects.deployment;
import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static dev.pitwall.testing.WorkerObjects.env;
import static dev.pitwall.testing.WorkerObjects.namespace;
import static dev.pitwall.testing.WorkerObjects.replicaSet;
import static dev.pitwall.testing.WorkerObjects.statefulSet;
import static dev.pitwall.testing.WorkerObjects.statefulSetPod;
import static dev.pitwall.testing.WorkerObjects.statsSummary;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pitwall fleet --json} through the real launcher, against a fixture fleet in the mock API server and Redis. */
@ExtendWith({KubeMockExtension.class, RedisServerExtension.class})
class FleetCommandTest {

    /** The contract: exactly these keys, in this order. */
    private static final List<String> KEYS = List.of("namespace", "workload", "group", "pod", "phase", "ready",
            "restarts", "lastTerminationReason", "node", "image", "revision", "executionMode", "executionModeSource",
            "heartbeatAgeSeconds", "cpuPercent", "ramPercent", "sandboxesBusy", "sandboxesTotal", "volumeUsedBytes",
            "volumeCapacityBytes", "volumeFillBytesPerSecond", "volumeFullInSeconds");
    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path home;

    @BeforeAll
    static void fixture(KubeMockCluster cluster, RedisServerProcess redisServer) {
        KubernetesClient c = cluster.client();
        c.namespaces().resource(namespace("ap-shared", Map.of())).create();
        c.namespaces().resource(namespace("ap-dedicated-globex", Map.of())).create();
        c.apps().deployments().resource(deployment("ap-shared", "activepieces-worker", 8, 7)).create();
        c.apps().replicaSets().resource(replicaSet("ap-shared", "activepieces-worker", "7d4c8", 12, "0.88.0-nextgen"))
                .create();
        c.apps().statefulSets().resource(statefulSet("ap-dedicated-globex", "activepieces-worker-globex", 2, 2))
                .create();
        c.apps().controllerRevisions().resource(controllerRevision("ap-dedicated-globex",
                "activepieces-worker-globex", "5f6d7", 4)).create();

        Pod looping = deploymentPod("ap-shared", "activepieces-worker", "7d4c8", "k2x9q", "10.20.0.11", "node-1",
                "0.88.0-nextgen").build();
        looping.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("activepieces")
                .withRestartCount(7).withNewLastState().withNewTerminated().withReason("Error").withExitCode(1)
                .endTerminated().endLastState().withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .endWaiting().endState().build()));
        looping.getStatus().getConditions().get(0).setStatus("False");
        c.pods().resource(looping).create();
        c.pods().resource(statefulSetPod("ap-dedicated-globex", "activepieces-worker-globex", "5f6d7", 0,
                "10.20.0.21", "node-2", "0.87.3", env("AP_WORKER_GROUP_ID", "wg-globex"),
                env("AP_EXECUTION_MODE", "SANDBOX_CODE_AND_PROCESS")).build()).create();
        // bad input: only the worker label, no owner, no spec, no status
        c.pods().resource(new PodBuilder().withNewMetadata().withNamespace("ap-shared").withName("stray-worker")
                .addToLabels("app.kubernetes.io/component", "worker").endMetadata().build()).create();

        cluster.server().expect().get().withPath("/api/v1/nodes/node-1/proxy/stats/summary")
                .andReturn(200, statsSummary("node-1", 2 * GIB,
                        new Object[]{"ap-shared", "activepieces-worker-7d4c8-k2x9q", 1932735283L}))
                .always();
        cluster.server().expect().get().withPath("/api/v1/nodes/node-2/proxy/stats/summary")
                .andReturn(200, statsSummary("node-2", 2 * GIB)).always();

        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(redisServer.url()), null)) {
            Instant written = Instant.now().minusSeconds(10);
            redis.hset("workerMachines", "a1b2", heartbeat("a1b2", "10.20.0.21", "SANDBOX_CODE_ONLY", "0.87.3",
                    written));
            redis.hset("workerMachines", "zz99", heartbeat("zz99", "10.99.0.1", "UNSANDBOXED", "0.87.3", written));
            redis.hset("workerMachines", "bad", "{not json");
        }
    }

    private static String heartbeat(String id, String ip, String mode, String version, Instant at) {
        return ("{\"workerId\":\"%s\",\"cpuUsagePercentage\":12.5,\"ramUsagePercentage\":48.25,"
                + "\"totalAvailableRamInBytes\":4294967296,\"totalCpuCores\":2,"
                + "\"diskInfo\":{\"total\":2147483648,\"free\":1073741824,\"used\":1073741824,\"percentage\":50},"
                + "\"ip\":\"%s\",\"workerProps\":{\"EXECUTION_MODE\":\"%s\",\"WORKER_CONCURRENCY\":\"5\","
                + "\"SANDBOX_MEMORY_LIMIT\":\"1048576\",\"REUSE_SANDBOX\":\"true\",\"version\":\"%s\"},"
                + "\"sandboxes\":[{\"sandboxId\":\"s1\",\"boxId\":\"1\",\"busy\":true,\"memoryUsageBytes\":1000},"
                + "{\"sandboxId\":\"s2\",\"boxId\":\"2\",\"busy\":false,\"memoryUsageBytes\":0}],"
                + "\"updatedAt\":\"%s\"}").formatted(id, ip, mode, version, at);
    }

    private CliRun run(String... args) {
        ConfigDirs dirs = new ConfigDirs(home.resolve("config"), home.resolve("state"));
        return CliRun.capture((out, err) -> new Launcher(dirs, ref -> Optional.empty(), out, err).run(args));
    }

    private String[] args(KubeMockCluster cluster, RedisServerProcess redis, String... more) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", cluster.kubeconfig().toString(), "--context",
                KubeMockCluster.CONTEXT, "--redis", redis.url(), "fleet"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void jsonHasExactlyTheContractKeysAndTheFixtureValues(KubeMockCluster cluster, RedisServerProcess redis)
            throws Exception {
        CliRun r = run(args(cluster, redis, "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<LinkedHashMap<String, Object>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() { });
        assertThat(rows).hasSize(3);
        for (var row : rows) {
            assertThat(new ArrayList<>(row.keySet())).isEqualTo(KEYS);
        }

        var globex = rows.get(0);
        assertThat(globex.get("namespace")).isEqualTo("ap-dedicated-globex");
        assertThat(globex.get("workload")).isEqualTo("activepieces-worker-globex");
        assertThat(globex.get("group")).isEqualTo("wg-globex");
        assertThat(globex.get("pod")).isEqualTo("activepieces-worker-globex-0");
        assertThat(globex.get("phase")).isEqualTo("Running");
        assertThat(globex.get("ready")).isEqualTo(true);
        assertThat(globex.get("restarts")).isEqualTo(0);
        assertThat(globex.get("lastTerminationReason")).isNull();
        assertThat(globex.get("node")).isEqualTo("node-2");
        assertThat(globex.get("image")).isEqualTo("ghcr.io/activepieces/activepieces:0.87.3");
        assertThat(globex.get("revision")).isEqualTo(4);
        assertThat(globex.get("executionMode")).as("the heartbeat wins over the env").isEqualTo("SANDBOX_CODE_ONLY");
        assertThat(globex.get("executionModeSource")).isEqualTo("heartbeat");
        assertThat(((Number) globex.get("heartbeatAgeSeconds")).longValue()).isBetween(10L, 60L);
        assertThat(globex.get("cpuPercent")).isEqualTo(12.5);
        assertThat(globex.get("ramPercent")).isEqualTo(48.25);
        assertThat(globex.get("sandboxesBusy")).isEqualTo(1);
        assertThat(globex.get("sandboxesTotal")).isEqualTo(2);
        assertThat(globex.get("volumeUsedBytes")).as("node-2's kubelet reports no cache volume").isNull();
        assertThat(globex.get("volumeCapacityBytes")).isNull();
        assertThat(globex.get("volumeFillBytesPerSecond")).isNull();
        assertThat(globex.get("volumeFullInSeconds")).isNull();

        var shared = rows.get(1);
        assertThat(shared.get("namespace")).isEqualTo("ap-shared");
        assertThat(shared.get("workload")).isEqualTo("activepieces-worker");
        assertThat(shared.get("group")).isEqualTo("shared");
        assertThat(shared.get("pod")).isEqualTo("activepieces-worker-7d4c8-k2x9q");
        assertThat(shared.get("phase")).isEqualTo("Running");
        assertThat(shared.get("ready")).isEqualTo(false);
        assertThat(shared.get("restarts")).isEqualTo(7);
        assertThat(shared.get("lastTerminationReason")).isEqualTo("Error");
        assertThat(shared.get("node")).isEqualTo("node-1");
        assertThat(shared.get("image")).isEqualTo("ghcr.io/activepieces/activepieces:0.88.0-nextgen");
        assertThat(shared.get("revision")).isEqualTo(12);
        assertThat(shared.get("executionMode")).isEqualTo("SANDBOX_PROCESS");
        assertThat(shared.get("executionModeSource")).isEqualTo("env");
        assertThat(shared.get("heartbeatAgeSeconds")).isNull();
        assertThat(shared.get("cpuPercent")).isNull();
        assertThat(shared.get("ramPercent")).isNull();
        assertThat(shared.get("sandboxesBusy")).isNull();
        assertThat(shared.get("sandboxesTotal")).isNull();
        assertThat(((Number) shared.get("volumeUsedBytes")).longValue()).isEqualTo(1932735283L);
        assertThat(((Number) shared.get("volumeCapacityBytes")).longValue()).isEqualTo(2147483648L);
        assertThat(shared.get("volumeFillBytesPerSecond")).as("one sample: no rate without --sample").isNull();
        assertThat(shared.get("volumeFullInSeconds")).isNull();

        var stray = rows.get(2);
        assertThat(stray.get("pod")).isEqualTo("stray-worker");
        assertThat(stray.get("workload")).isNull();
        assertThat(stray.get("group")).isEqualTo("shared");
        assertThat(stray.get("phase")).isNull();
        assertThat(stray.get("ready")).isNull();
        assertThat(stray.get("node")).isNull();
        assertThat(stray.get("image")).isNull();
        assertThat(stray.get("revision")).isNull();
        assertThat(stray.get("executionMode")).isNull();
        assertThat(stray.get("executionModeSource")).isNull();
    }

    @Test
    void theTableSaysWhatIsUnknownAndWhy(KubeMockCluster cluster, RedisServerProcess redis) {
        CliRun r = run(args(cluster, redis));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("NAMESPACE").contains("activepieces-worker-globex-0")
                .contains("3 worker pods in 2 namespaces")
                .contains("CRITICAL  ap-shared/activepieces-worker-7d4c8-k2x9q: crash-looping (CrashLoopBackOff, 7 restarts")
                .contains("ap-shared/stray-worker  phase: the pod has no status yet")
                .contains("ap-shared/stray-worker  workload: the pod has no owner")
                .contains("ap-dedicated-globex/activepieces-worker-globex-0  volume: kubelet reports no volume cache")
                .contains("heartbeat of unknown worker zz99 (IP 10.99.0.1 is no worker pod's)")
                .contains("workerMachines entry 'bad' is not valid JSON");
    }

    @Test
    void aBadSampleDurationIsAUsageError(KubeMockCluster cluster, RedisServerProcess redis) {
        CliRun r = run(args(cluster, redis, "--sample", "soon"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("option --sample needs a duration like 90s, 2m or 1h, got: soon");
    }

    @Test
    void withoutAClusterTheCommandSaysWhatItNeeds(RedisServerProcess redis) {
        CliRun r = run("--redis", redis.url(), "fleet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("fleet needs a Kubernetes cluster");
    }
}
