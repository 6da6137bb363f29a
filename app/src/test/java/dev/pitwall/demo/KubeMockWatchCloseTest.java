package dev.pitwall.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a watch while events flow must not stop the demo's API server. fabric8's mock, left alone, waits on its
 * event loop for the watch's sender, which waits on the event loop: every request then hangs for half a minute or
 * more (seen as informers that never sync, in the suite and in the demo console).
 */
class KubeMockWatchCloseTest {

    private static final String NS = "watch-close";
    private KubeMockCluster cluster;
    private KubernetesClient watcherClient;

    @BeforeEach
    void start() {
        cluster = KubeMockCluster.start();
        watcherClient = cluster.newClient("watch-close-test");
    }

    @AfterEach
    void close() {
        watcherClient.close();
        cluster.close();
    }

    @Test
    void theServerKeepsAnsweringWhenWatchesAreClosedWhileEventsFlow() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                int i = written.incrementAndGet();
                try {
                    cluster.client().configMaps().inNamespace(NS).resource(configMap("cm-" + i, i)).create();
                } catch (KubernetesClientException e) {
                    // a create retried by the client after a stalled answer meets its own first try (409): go on
                }
            }
        });
        try {
            for (int round = 0; round < 8; round++) {
                CountDownLatch flowing = new CountDownLatch(20);
                Watch watch = watcherClient.configMaps().inNamespace(NS).watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        flowing.countDown();
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });
                assertThat(flowing.await(20, TimeUnit.SECONDS)).as("events reach the watch").isTrue();
                watch.close();
                // a plain request right after the close: answered promptly, not after the mock's half-minute waits
                CompletableFuture<Integer> listed = CompletableFuture.supplyAsync(() ->
                        cluster.client().configMaps().inNamespace(NS).list().getItems().size());
                assertThat(listed.get(10, TimeUnit.SECONDS)).as("round %d: the server answers", round).isPositive();
            }
        } finally {
            writing.set(false);
            writer.get(30, TimeUnit.SECONDS);
        }
    }

    private static ConfigMap configMap(String name, int value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .addToData("value", Integer.toString(value)).build();
    }
}
