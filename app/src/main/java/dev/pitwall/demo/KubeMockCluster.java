package dev.pitwall.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's KubernetesMockServer in CRUD mode on a loopback port, with a kubeconfig file that points at it (context
 * "pitwall-demo"), so that Pitwall's own kubeconfig path and kubectl both reach it.
 */
public final class KubeMockCluster implements AutoCloseable {

    public static final String CONTEXT = "pitwall-demo";

    private final KubernetesMockServer server;
    private final Path directory;
    private final Path kubeconfig;
    private final KubernetesClient client;

    private KubeMockCluster(KubernetesMockServer server, Path directory, Path kubeconfig) {
        this.server = server;
        this.directory = directory;
        this.kubeconfig = kubeconfig;
        this.client = server.createClient();
    }

    public static KubeMockCluster start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            Path dir = Files.createTempDirectory("pitwall-kube-");
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, kubeconfig(server.url("/").replaceAll("/$", "")));
            return new KubeMockCluster(server, dir, kubeconfig);
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

    public Path kubeconfig() {
        return kubeconfig;
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
