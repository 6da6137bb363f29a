package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.FleetScope;
import dev.pitwall.testing.Await;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static org.assertj.core.api.Assertions.assertThat;

/** An API server that goes away and comes back: the watch reports the loss, then reconnects by itself. */
class KubeWatchReconnectTest {

    private static KubernetesMockServer server(int port) {
        var responses = new HashMap<io.fabric8.mockwebserver.ServerRequest,
                java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), port);
        return server;
    }

    @Test
    void aDroppedWatchIsReportedAndComesBackByItself() {
        KubernetesMockServer first = server(0);
        int port = first.getPort();
        List<ClusterEvent> seen = new CopyOnWriteArrayList<>();
        KubernetesMockServer second = null;
        try (KubernetesClient admin = first.createClient();
             KubeClusterWatch watch = new KubeClusterWatch(first.createClient(),
                     new FleetScope(FleetScope.DEFAULT_WORKERS, null, List.of()))) {
            admin.pods().resource(deploymentPod("ap-shared", "w", "aa", "1", "10.0.0.1", "n1", "0.87.3").build())
                    .create();
            watch.start(seen::add).orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.PodChanged p && p.pod().name().equals("w-aa-1"));
            assertThat(watch.connection().live()).isTrue();

            first.destroy();
            Await.until("the loss reported", Duration.ofSeconds(20), () -> !watch.connection().live());
            assertThat(watch.connection().reason()).contains("is not watching");

            second = server(port);
            try (KubernetesClient admin2 = second.createClient()) {
                admin2.pods().resource(deploymentPod("ap-shared", "w", "aa", "2", "10.0.0.2", "n1", "0.87.3")
                        .build()).create();
                Await.until("the watch back, with the new pod", Duration.ofSeconds(40), () -> watch.connection().live()
                        && seen.stream().anyMatch(e -> e instanceof ClusterEvent.PodChanged p
                        && p.pod().name().equals("w-aa-2")));
            }
        } finally {
            if (second != null) {
                second.destroy();
            }
        }
    }
}
