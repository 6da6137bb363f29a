package dev.pitwall.kube;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.model.Alert;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.FleetAlerts;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetScope;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.PodDetail;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.KubeMockExtension;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
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

/** The Kubernetes adapter against fabric8's mock API server: informers, kubelet stats, revisions, Events. */
@ExtendWith(KubeMockExtension.class)
class KubeClusterWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long GIB = 1024L * 1024 * 1024;

    private final PooledExecutor executor = new PooledExecutor(3);
    private final AlertCenter alerts = new AlertCenter(Clock.systemUTC(), 1000);
    private FleetEngine engine;

    @BeforeAll
    static void fleet(KubeMockCluster cluster) {
        KubernetesClient c = cluster.client();
        c.namespaces().resource(namespace("ap-shared", Map.of())).create();
        c.namespaces().resource(namespace("ap-dedicated-acme", Map.of())).create();
        c.apps().deployments().resource(deployment("ap-shared", "activepieces-worker", 2, 2)).create();
        c.apps().replicaSets().resource(replicaSet("ap-shared", "activepieces-worker", "6b7f9", 3, "0.87.3")).create();
        c.apps().statefulSets().resource(statefulSet("ap-dedicated-acme", "activepieces-worker-acme", 1, 1)).create();
        c.apps().controllerRevisions().resource(controllerRevision("ap-dedicated-acme", "activepieces-worker-acme",
                "84c5d", 5)).create();
        c.pods().resource(deploymentPod("ap-shared", "activepieces-worker", "6b7f9", "a1", "10.8.0.1", "node-1",
                "0.87.3").build()).create();
        c.pods().resource(statefulSetPod("ap-dedicated-acme", "activepieces-worker-acme", "84c5d", 0, "10.8.0.2",
                "node-1", "0.87.3", env("AP_WORKER_GROUP_ID", "wg-acme"),
                env("AP_EXECUTION_MODE", "SANDBOX_CODE_AND_PROCESS")).build()).create();
        // an app pod in the same namespace: not a worker, must not show
        c.pods().resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withNamespace("ap-shared").withName("activepieces-app-0").addToLabels("app.kubernetes.io/component",
                        "app").endMetadata().build()).create();
        // kubelet stats: the shared pod's cache is reported, the dedicated pod's is not
        cluster.server().expect().get().withPath("/api/v1/nodes/node-1/proxy/stats/summary")
                .andReturn(200, statsSummary("node-1", 2 * GIB,
                        new Object[]{"ap-shared", "activepieces-worker-6b7f9-a1", GIB / 2}))
                .always();
    }

    private FleetEngine start(KubeMockCluster cluster) {
        ConnectionProfile profile = new ConnectionProfile("mock", cluster.kubeconfig().toString(),
                KubeMockCluster.CONTEXT, null, null, List.of(), null, null, null, null, false, false, null);
        KubernetesClient client = KubeClients.open(profile);
        FleetSources sources = new FleetSources(new KubeClusterWatch(client, FleetScope.of(profile)),
                new KubeletVolumeStats(client), null, null, null);
        engine = new FleetEngine(sources, executor, Clock.systemUTC(), alerts,
                new BackendHealthMonitor(profile, List.of(), Clock.systemUTC()), FleetEngine.Settings.defaults());
        engine.start().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        executor.close();
    }

    private Optional<Worker> row(String namespace, String pod) {
        return engine.latest().workers().stream().filter(w -> w.key().equals(namespace + "/" + pod)).findFirst();
    }

    private Worker awaitRow(String namespace, String pod, java.util.function.Predicate<Worker> ok) {
        return Await.value(namespace + "/" + pod, WAIT, () -> row(namespace, pod).orElse(null),
                w -> w != null && ok.test(w));
    }

    @Test
    void theInitialSyncBringsEveryWorkerWithItsWorkloadRevisionGroupAndVolume(KubeMockCluster cluster) {
        start(cluster);
        Worker shared = awaitRow("ap-shared", "activepieces-worker-6b7f9-a1", w -> w.revision() != null);
        assertThat(shared.workload()).isEqualTo("activepieces-worker");
        assertThat(shared.revision()).isEqualTo(3L);
        assertThat(shared.group()).isEqualTo("shared");
        assertThat(shared.phase()).isEqualTo("Running");
        assertThat(shared.ready()).isTrue();
        assertThat(shared.node()).isEqualTo("node-1");
        assertThat(shared.imageTag()).isEqualTo("0.87.3");
        assertThat(shared.executionMode().display()).isEqualTo("SANDBOX_PROCESS");

        Worker dedicated = awaitRow("ap-dedicated-acme", "activepieces-worker-acme-0", w -> w.revision() != null);
        assertThat(dedicated.workload()).isEqualTo("activepieces-worker-acme");
        assertThat(dedicated.revision()).isEqualTo(5L);
        assertThat(dedicated.group()).isEqualTo("wg-acme");

        engine.readVolumes();
        Worker withVolume = awaitRow("ap-shared", "activepieces-worker-6b7f9-a1", w -> w.volume() != null);
        assertThat(withVolume.volume().usedBytes()).isEqualTo(GIB / 2);
        assertThat(withVolume.volume().capacityBytes()).isEqualTo(2 * GIB);
        assertThat(awaitRow("ap-dedicated-acme", "activepieces-worker-acme-0",
                w -> w.unknown(Worker.VOLUME) != null && !w.unknown(Worker.VOLUME).startsWith("waiting"))
                .unknown(Worker.VOLUME)).isEqualTo("kubelet reports no volume cache");

        assertThat(engine.latest().workers()).extracting(Worker::pod)
                .doesNotContain("activepieces-app-0");
        NamespaceSummary ns = Await.value("ap-shared summary", WAIT, () -> engine.latest().namespaces().stream()
                .filter(n -> n.name().equals("ap-shared")).findFirst().orElse(null), n -> n != null
                && !n.workloads().isEmpty());
        assertThat(ns.workloads()).extracting(NamespaceSummary.WorkloadReadiness::ready,
                NamespaceSummary.WorkloadReadiness::desired).containsExactly(org.assertj.core.api.Assertions.tuple(2,
                2));
    }

    @Test
    void updatesAndDeletesReachTheSnapshotAndTheAlerts(KubeMockCluster cluster) {
        KubernetesClient c = cluster.client();
        Pod pod = c.pods().resource(deploymentPod("ap-shared", "activepieces-worker", "6b7f9", "b2", "10.8.0.3",
                "node-2", "0.87.3").build()).create();
        start(cluster);
        awaitRow("ap-shared", pod.getMetadata().getName(), w -> true);

        pod.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("activepieces")
                .withRestartCount(6).withNewLastState().withNewTerminated().withReason("Error").withExitCode(1)
                .endTerminated().endLastState().withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .endWaiting().endState().build()));
        pod.getStatus().getConditions().get(0).setStatus("False");
        c.pods().resource(pod).updateStatus();
        Worker looping = awaitRow("ap-shared", pod.getMetadata().getName(), w -> Integer.valueOf(6)
                .equals(w.restarts()));
        assertThat(looping.ready()).isFalse();
        assertThat(looping.waitingReason()).isEqualTo("CrashLoopBackOff");
        assertThat(looping.lastTerminationReason()).isEqualTo("Error");
        Await.until("crash-loop alert", WAIT, () -> alerts.active().stream()
                .anyMatch(a -> a.kind().equals(FleetAlerts.CRASH_LOOP) && a.subject().endsWith("-b2")));

        c.v1().events().inNamespace("ap-shared").resource(new EventBuilder().withNewMetadata()
                .withName("b2.backoff").withNamespace("ap-shared").endMetadata().withNewInvolvedObject()
                .withKind("Pod").withName(pod.getMetadata().getName()).withNamespace("ap-shared")
                .endInvolvedObject().withType("Warning").withReason("BackOff")
                .withMessage("Back-off restarting failed container").withCount(7)
                .withLastTimestamp("2026-11-27T22:10:00Z").build()).create();
        PodDetail detail = Await.value("pod events", WAIT,
                () -> engine.detail("ap-shared/" + pod.getMetadata().getName()).join().orElse(null),
                d -> d != null && !d.events().isEmpty());
        assertThat(detail.events()).extracting(KubeEvent::reason, KubeEvent::count)
                .containsExactly(org.assertj.core.api.Assertions.tuple("BackOff", 7));
        assertThat(detail.env()).filteredOn(e -> e.name().equals("AP_API_KEY"))
                .extracting(EnvVar::display).containsExactly("(secret)");

        c.pods().resource(pod).delete();
        Await.until("pod gone", WAIT, () -> row("ap-shared", pod.getMetadata().getName()).isEmpty());
        Await.until("crash-loop cleared", WAIT, () -> alerts.active().stream().map(Alert::subject)
                .noneMatch(s -> s.endsWith("-b2")));
    }
}
