package dev.pitwall.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo's mock API server does beyond fabric8's CRUD mock. */
class KubeMockClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant SIMULATED = Instant.parse("2026-11-27T22:00:00Z");
    private static KubeMockCluster cluster;

    @BeforeAll
    static void start() {
        cluster = KubeMockCluster.start();
    }

    @AfterAll
    static void close() {
        cluster.close();
    }

    @Test
    void stampsCreationAndDeletionTimesFromItsClockAndKeepsACreationTimeTheCreatorSet() {
        AtomicReference<Instant> clock = new AtomicReference<>(SIMULATED);
        cluster.useClock(clock::get);
        try {
            Pod stamped = cluster.client().pods().resource(pod("stamped", null)).create();
            Pod historic = cluster.client().pods().resource(pod("historic", "2026-10-01T08:30:00Z")).create();
            assertThat(stamped.getMetadata().getCreationTimestamp()).isEqualTo("2026-11-27T22:00:00Z");
            assertThat(cluster.client().pods().inNamespace("clock").withName("historic").get().getMetadata()
                    .getCreationTimestamp()).isEqualTo("2026-10-01T08:30:00Z");
            assertThat(historic.getMetadata().getCreationTimestamp()).isEqualTo("2026-10-01T08:30:00Z");

            clock.set(SIMULATED.plusSeconds(90));
            cluster.client().pods().inNamespace("clock").withName("stamped").delete();
            assertThat(cluster.client().pods().inNamespace("clock").withName("stamped").get().getMetadata()
                    .getDeletionTimestamp()).as("marked, for its finalizer").isEqualTo("2026-11-27T22:01:30Z");
        } finally {
            cluster.useClock(Instant::now);
        }
    }

    @Test
    void tellsListenersOfEveryRequestBeforeTheClientsCallReturns() {
        List<ApiRequest> seen = new CopyOnWriteArrayList<>();
        cluster.addRequestListener(seen::add);
        try (KubernetesClient named = cluster.newClient("listener-test")) {
            named.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("heard").endMetadata()
                    .build()).create();
            assertThat(seen).contains(new ApiRequest("POST", "/api/v1/namespaces", "listener-test", 201));
            assertThat(seen.get(seen.size() - 1).isWrite()).isTrue();
        }
    }

    @Test
    void answersDiscoverySoThatKubectlCanNameResources() throws Exception {
        JsonNode core = get("/api/v1", null).body();
        assertThat(core.path("resources").findValuesAsText("name")).contains("pods", "events", "nodes",
                "persistentvolumeclaims", "pods/status");
        JsonNode apps = get("/apis/apps/v1", null).body();
        assertThat(apps.path("resources").findValuesAsText("name")).contains("deployments", "statefulsets",
                "replicasets", "controllerrevisions", "deployments/scale");
        assertThat(get("/apis", null).body().path("groups").findValuesAsText("name")).contains("apps");
        assertThat(get("/openapi/v2?timeout=32s", null).status()).isEqualTo(404);
    }

    @Test
    void answersUnknownSubresourcesWithNotFoundRatherThanEveryStoredObject() throws Exception {
        cluster.client().pods().resource(pod("logged", null)).create();
        Response log = get("/api/v1/namespaces/clock/pods/logged/log", null);
        assertThat(log.status()).isEqualTo(404);
        assertThat(log.body().path("reason").asText()).isEqualTo("NotFound");
    }

    @Test
    void namesTheKindOfATypedListAndRendersTablesForKubectl() throws Exception {
        cluster.client().pods().resource(pod("tabled", null)).create();
        JsonNode list = get("/api/v1/namespaces/clock/pods", null).body();
        assertThat(list.path("kind").asText()).isEqualTo("PodList");
        assertThat(list.path("apiVersion").asText()).isEqualTo("v1");

        Response table = get("/api/v1/namespaces/clock/pods",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        assertThat(table.body().path("kind").asText()).isEqualTo("Table");
        assertThat(table.body().path("columnDefinitions").findValuesAsText("name"))
                .startsWith("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(table.body().path("rows").findValuesAsText("name")).contains("tabled");
    }

    private static Pod pod(String name, String created) {
        return new PodBuilder().withNewMetadata().withNamespace("clock").withName(name).withCreationTimestamp(created)
                .addToFinalizers("test/keep").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
    }

    private record Response(int status, JsonNode body) {
    }

    private static Response get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + path.substring(1)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }
}
