package dev.pitwall.kube;

import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.PooledExecutor;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetScope;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.testing.Await;
import dev.pitwall.testing.KubeMockExtension;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static dev.pitwall.testing.WorkerObjects.namespace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RBAC that allows pods only per namespace, and not at all in one of them: the watch falls back from cluster-wide to
 * per-namespace informers; the forbidden namespace shows "forbidden", the other stays live.
 */
@ExtendWith(KubeMockExtension.class)
class KubeForbiddenNamespaceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SELECTOR = "?labelSelector=app.kubernetes.io%2Fcomponent%3Dworker&resourceVersion=0";

    @Test
    void aForbiddenNamespaceShowsForbiddenWhileTheOthersStayLive(KubeMockCluster cluster) {
        KubernetesClient c = cluster.client();
        c.namespaces().resource(namespace("team-a", Map.of("pitwall", "watch"))).create();
        c.namespaces().resource(namespace("team-b", Map.of("pitwall", "watch"))).create();
        c.namespaces().resource(namespace("elsewhere", Map.of())).create();
        c.pods().resource(deploymentPod("team-a", "worker", "aa11", "x", "10.9.0.1", "n1", "0.87.3").build()).create();
        c.pods().resource(deploymentPod("elsewhere", "worker", "cc33", "z", "10.9.0.3", "n1", "0.87.3").build())
                .create();
        var forbidden = new StatusBuilder().withKind("Status").withStatus("Failure").withCode(403)
                .withReason("Forbidden").withMessage("pods is forbidden: User \"oncall\" cannot list resource "
                        + "\"pods\"").build();
        cluster.server().expect().get().withPath("/api/v1/pods" + SELECTOR).andReturn(403, forbidden).always();
        cluster.server().expect().get().withPath("/api/v1/namespaces/team-b/pods" + SELECTOR)
                .andReturn(403, forbidden).always();

        ConnectionProfile profile = new ConnectionProfile("mock", cluster.kubeconfig().toString(),
                KubeMockCluster.CONTEXT, "pitwall=watch", null, List.of(), null, null, null, null, false, false, null);
        KubernetesClient client = KubeClients.open(profile);
        KubeClusterWatch watch = new KubeClusterWatch(client, FleetScope.of(profile));
        try (PooledExecutor executor = new PooledExecutor(2);
             FleetEngine engine = new FleetEngine(new FleetSources(watch, new KubeletVolumeStats(client), null, null,
                     null), executor, Clock.systemUTC(), new AlertCenter(Clock.systemUTC(), 100),
                     new BackendHealthMonitor(profile, List.of(), Clock.systemUTC()),
                     FleetEngine.Settings.defaults())) {
            engine.start().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();

            NamespaceSummary teamB = Await.value("team-b forbidden", WAIT, () -> summary(engine, "team-b"),
                    n -> n != null && n.access() == NamespaceSummary.Access.FORBIDDEN);
            assertThat(teamB.accessReason()).startsWith("pods: 403 Forbidden: pods is forbidden");
            Await.until("team-a worker", WAIT, () -> engine.latest().workers().stream()
                    .anyMatch(w -> w.namespace().equals("team-a")));
            assertThat(summary(engine, "team-a").access()).isEqualTo(NamespaceSummary.Access.LIVE);
            assertThat(watch.connection().live()).isTrue();

            c.pods().resource(deploymentPod("team-a", "worker", "aa11", "y", "10.9.0.4", "n1", "0.87.3").build())
                    .create();
            Await.until("a new team-a worker, live", WAIT, () -> engine.latest().workers().stream()
                    .anyMatch(w -> w.pod().equals("worker-aa11-y")));
            assertThat(engine.latest().workers()).extracting(Worker::namespace).doesNotContain("elsewhere");
        }
    }

    private static NamespaceSummary summary(FleetEngine engine, String name) {
        return engine.latest().namespaces().stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }
}
