package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.connect.LabelSelector;
import dev.pitwall.ops.fleet.FleetScope;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.pitwall.testing.WorkerObjects.deploymentPod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list whose answer never comes (its headers arrive, its body does not: fabric8's request timeout does not cover
 * that) must not hold the fleet's watch for ever: the informer is replaced once the sync limit has passed.
 */
class KubeStalledListTest {

    private KubernetesMockServer server;

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void anInformerWhoseListStallsIsStartedAgainAndTheWatchSyncs() {
        StallFirstList stalling = serve("/api/v1/pods");
        List<ClusterEvent> seen = new CopyOnWriteArrayList<>();
        try (KubernetesClient admin = server.createClient();
             KubeClusterWatch watch = new KubeClusterWatch(server.createClient(),
                     new FleetScope(FleetScope.DEFAULT_WORKERS, null, List.of()), Duration.ofSeconds(1))) {
            admin.pods().resource(deploymentPod("ap-shared", "w", "aa", "1", "10.0.0.1", "n1", "0.87.3").build())
                    .create();
            // well inside fabric8's own 10 s request timeout, which never fires for a stalled body anyway
            watch.start(seen::add).orTimeout(8, TimeUnit.SECONDS).join();

            assertThat(stalling.stalled).as("the first pod list was held").isTrue();
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.WatchFailed f
                    && f.reason().equals("watch of pods: not synced after 1 s; starting it again"));
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.PodChanged p && p.pod().name().equals("w-aa-1"));
            assertThat(watch.connection().live()).isTrue();
        }
    }

    @Test
    void theWatchOfLabelledNamespacesIsStartedAgainToo() {
        StallFirstList stalling = serve("/api/v1/namespaces");
        List<ClusterEvent> seen = new CopyOnWriteArrayList<>();
        try (KubernetesClient admin = server.createClient();
             KubeClusterWatch watch = new KubeClusterWatch(server.createClient(),
                     new FleetScope(FleetScope.DEFAULT_WORKERS, new LabelSelector("pitwall.dev/fleet", "yes"),
                             List.of()), Duration.ofSeconds(1))) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ap-shared")
                    .addToLabels("pitwall.dev/fleet", "yes").endMetadata().build()).create();
            admin.pods().resource(deploymentPod("ap-shared", "w", "aa", "1", "10.0.0.1", "n1", "0.87.3").build())
                    .create();
            watch.start(seen::add).orTimeout(8, TimeUnit.SECONDS).join();

            assertThat(stalling.stalled).as("the first namespace list was held").isTrue();
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.WatchFailed f
                    && f.reason().equals("watch of namespaces: not synced after 1 s; starting it again"));
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.NamespaceSeen n && n.name().equals("ap-shared"));
            assertThat(seen).anyMatch(e -> e instanceof ClusterEvent.PodChanged p && p.pod().name().equals("w-aa-1"));
        }
    }

    private StallFirstList serve(String listPath) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        StallFirstList stalling = new StallFirstList(new KubernetesMixedDispatcher(responses), listPath);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, stalling, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return stalling;
    }

    /** Answers the first list under a path with its headers only: the body is held for ten minutes. */
    private static final class StallFirstList extends Dispatcher {
        private final Dispatcher inner;
        private final String listPath;
        private final AtomicBoolean held = new AtomicBoolean();
        volatile boolean stalled;

        StallFirstList(Dispatcher inner, String listPath) {
            this.inner = inner;
            this.listPath = listPath;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = inner.dispatch(request);
            String path = request.getPath();
            if (request.getMethod().equals("GET") && path.startsWith(listPath + "?") && !path.contains("watch=")
                    && held.compareAndSet(false, true)) {
                response.setBodyDelay(Duration.ofMinutes(10));
                stalled = true;
            }
            return response;
        }
    }
}
