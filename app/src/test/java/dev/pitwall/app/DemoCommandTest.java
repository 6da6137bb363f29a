package dev.pitwall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `pitwall demo` in its own process: one JSON line with exactly the contract's keys, every endpoint answering, and
 * on SIGTERM nothing left behind (no redis-server, no temp directory).
 */
class DemoCommandTest {

    @TempDir
    Path home;

    @Test
    void printsItsEndpointsServesThemAndCleansUpWhenStopped() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.pitwall.app.Launcher", "demo", "--scenario",
                "incident", "--seed", "5", "--speed", "60").redirectError(home.resolve("err.log").toFile());
        pb.environment().put("PITWALL_STATE_DIR", home.toString());
        pb.environment().put("PITWALL_CONFIG_DIR", home.resolve("config").toString());
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as(Files.readString(home.resolve("err.log"))).isNotNull();
            JsonNode endpoints = new ObjectMapper().readTree(line);
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = endpoints.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            assertThat(keys).containsExactly("kubeconfig", "redisUrl", "platformUrl", "platformKeyEnv", "platformKey");

            Path kubeconfig = Path.of(endpoints.get("kubeconfig").asText());
            assertThat(Files.readString(kubeconfig)).containsPattern("server: http://(localhost|127\\.0\\.0\\.1):");
            long redisPid;
            try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(endpoints.get("redisUrl").asText()), null)) {
                assertThat(redis.ping()).isEqualTo("PONG");
                redisPid = Long.parseLong(redis.info("server").lines().filter(l -> l.startsWith("process_id:"))
                        .findFirst().orElseThrow().substring("process_id:".length()).trim());
            }
            HttpClient http = HttpClient.newHttpClient();
            String platform = endpoints.get("platformUrl").asText();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(platform + "/api/v1/flow-runs?limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("no key").isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(platform + "/api/v1/flow-runs?limit=1"))
                            .header("Authorization", "Bearer " + endpoints.get("platformKey").asText()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            String kubeUrl = Files.readString(kubeconfig).lines().filter(l -> l.contains("server:")).findFirst()
                    .orElseThrow().replaceAll(".*server: *", "").trim();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(kubeUrl + "/api/v1/namespaces/ap-shared/pods"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("activepieces-worker-0");

            p.destroy(); // SIGTERM, as Ctrl+C or a service manager would
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("redis-server stopped").isFalse();
            assertThat(Files.exists(kubeconfig.getParent())).as("kubeconfig directory removed").isFalse();
        } finally {
            p.destroyForcibly();
        }
    }
}
