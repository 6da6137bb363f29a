package dev.pitwall.kube;

import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.FleetScope;
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
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        StallFirstPodList stalling = new StallFirstPodList(new KubernetesMixedDispatcher(responses));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, stalling, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
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

    /** Answers the first list of pods with its headers only: the body is held for ten minutes. */
    private static final class StallFirstPodList extends Dispatcher {
        private final Dispatcher inner;
        private final AtomicBoolean held = new AtomicBoolean();
        volatile boolean stalled;

        StallFirstPodList(Dispatcher inner) {
            this.inner = inner;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = inner.dispatch(request);
            String path = request.getPath();
            if (request.getMethod().equals("GET") && path.startsWith("/api/v1/pods") && !path.contains("watch=")
                    && held.compareAndSet(false, true)) {
                response.setBodyDelay(Duration.ofMinutes(10));
                stalled = true;
            }
            return response;
        }
    }
}
