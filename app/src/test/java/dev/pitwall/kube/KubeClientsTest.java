package dev.pitwall.kube;

import dev.pitwall.model.ConnectionProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client for an API server over plain HTTP speaks HTTP/1.1 and never asks to upgrade to HTTP/2 (h2c): against the
 * demo's server that upgrade made the client read answers as HTTP/2 frames, and lists and watches hung or failed.
 */
class KubeClientsTest {

    @TempDir
    Path dir;

    @Test
    void aPlainHttpServerIsAskedInHttp11WithoutAnUpgrade() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> request = CompletableFuture.supplyAsync(() -> answerOnce(server));
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: plain
                      cluster:
                        server: http://127.0.0.1:%d
                    users:
                    - name: plain
                      user:
                        token: t
                    contexts:
                    - name: plain
                      context:
                        cluster: plain
                        user: plain
                    current-context: plain
                    """.formatted(server.getLocalPort()));
            ConnectionProfile profile = new ConnectionProfile("plain", kubeconfig.toString(), null, null, null,
                    List.of(), null, null, null, null, false, false, null);
            try (KubernetesClient client = KubeClients.open(profile, 0)) {
                assertThat(client.pods().inNamespace("ns").list().getItems()).isEmpty();
            }
            List<String> head = request.get(10, TimeUnit.SECONDS);
            assertThat(head.get(0)).startsWith("GET /api/v1/namespaces/ns/pods").endsWith("HTTP/1.1");
            assertThat(head).noneMatch(h -> h.toLowerCase().startsWith("upgrade:"))
                    .noneMatch(h -> h.toLowerCase().startsWith("http2-settings:"));
        }
    }

    /** Reads one request's head and answers it with an empty pod list. */
    private static List<String> answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            byte[] body = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return head;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
