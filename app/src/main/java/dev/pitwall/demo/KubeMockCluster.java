package dev.pitwall.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's KubernetesMockServer in CRUD mode on a loopback port, with a kubeconfig file that points at it (context
 * "pitwall-demo"), so that Pitwall's own kubeconfig path and kubectl both reach it. Beyond the plain mock it serves
 * the discovery documents kubectl needs, stamps creation and deletion times from a replaceable clock, and tells
 * request listeners about every answered request (the cluster simulator reacts to other clients' writes that way).
 */
public final class KubeMockCluster implements AutoCloseable {

    public static final String CONTEXT = "pitwall-demo";

    /** The mock logs every request at INFO; held here so that the quieter level is not lost with a collected logger. */
    private static final Logger REQUEST_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final KubernetesMockServer server;
    private final ClusterDispatcher dispatcher;
    private final Path directory;
    private final Path kubeconfig;
    private final KubernetesClient client;

    private KubeMockCluster(KubernetesMockServer server, ClusterDispatcher dispatcher, Path directory,
                            Path kubeconfig) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.kubeconfig = kubeconfig;
        this.client = server.createClient();
    }

    public static KubeMockCluster start() {
        REQUEST_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        ClusterDispatcher dispatcher = new ClusterDispatcher(responses);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            Path dir = Files.createTempDirectory("pitwall-kube-");
            Path kubeconfig = dir.resolve("kubeconfig");
            // also removed when the JVM ends before close() (deleted in reverse order: the file, then its folder)
            dir.toFile().deleteOnExit();
            kubeconfig.toFile().deleteOnExit();
            Files.writeString(kubeconfig, kubeconfig(server.url("/").replaceAll("/$", "")));
            return new KubeMockCluster(server, dispatcher, dir, kubeconfig);
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        }
    }

    static String kubeconfig(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: pitwall-demo
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: pitwall-demo
                  user:
                    token: demo-token
                contexts:
                - name: %s
                  context:
                    cluster: pitwall-demo
                    user: pitwall-demo
                    namespace: default
                current-context: %s
                """.formatted(serverUrl, CONTEXT, CONTEXT);
    }

    /** The mock server, for expectations on paths the CRUD store does not know. */
    public KubernetesMockServer server() {
        return server;
    }

    /** A client for the cluster itself (the simulator and test set-up use it). */
    public KubernetesClient client() {
        return client;
    }

    /** Another client of the cluster that names itself with {@code userAgent}, so that listeners can tell its requests. */
    public KubernetesClient newClient(String userAgent) {
        return server.createClient(builder -> builder.editOrNewConfig().withUserAgent(userAgent).endConfig());
    }

    /**
     * Makes the API server stamp creation and deletion times from {@code clock} (the wall clock by default). A
     * creationTimestamp set by the creator is kept, so that histories predating the clock can be seeded.
     */
    public void useClock(Supplier<Instant> clock) {
        dispatcher.store().useClock(clock);
    }

    /**
     * Calls {@code listener} on the server's threads for every answered request, after the store has changed and
     * before the client has the response: a change made by a client call is always seen once that call returns.
     */
    public void addRequestListener(Consumer<ApiRequest> listener) {
        dispatcher.addListener(listener);
    }

    /**
     * Makes SelfSubjectAccessReviews answer "not allowed" for {@code verb} on {@code resource} (plural, e.g.
     * "statefulsets"); everything else stays allowed.
     */
    public void forbid(String verb, String resource) {
        dispatcher.accessReviews().forbid(verb, resource);
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The folder of the demo's own files (the kubeconfig, its trust policy): removed by {@link #close()}. */
    public Path directory() {
        return directory;
    }

    public String url() {
        return server.url("/");
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        RedisServerProcess.deleteTree(directory);
    }
}
