package dev.pitwall.app;

import com.sun.net.httpserver.HttpServer;
import dev.pitwall.demo.KubeMockCluster;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.ops.connect.ProfileValidator;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.testing.KubeMockExtension;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile editor's checks against real back-ends: the fabric8 mock API server, a real redis-server, and an HTTP
 * server answering the platform's health path (a two-line stand-in: only the status code of /api/v1/health matters
 * here).
 */
@ExtendWith({RedisServerExtension.class, KubeMockExtension.class})
class ProfileValidationTest {

    private HttpServer health;
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private ProfileValidator validator;

    @BeforeEach
    void startHealth(@TempDir java.nio.file.Path state) throws Exception {
        validator = new Backends(SecretSource.environment(), state).validator();
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/api/v1/health", ex -> {
            ex.sendResponseHeaders(healthStatus.get(), -1);
            ex.close();
        });
        health.start();
    }

    @AfterEach
    void stopHealth() {
        health.stop(0);
    }

    private ConnectionProfile profile(KubeMockCluster kube, String context, String redisUrl) {
        return new ConnectionProfile("t", kube.kubeconfig().toString(), context, null, null, List.of(), redisUrl,
                null, "http://127.0.0.1:" + health.getAddress().getPort(), null, false, false, null);
    }

    private ProbeResult result(List<ProbeResult> results, BackendKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aGoodProfilePassesEveryCheck(KubeMockCluster kube, RedisServerProcess redis) {
        List<ProbeResult> results = validator.validate(profile(kube, KubeMockCluster.CONTEXT, redis.url()));
        assertThat(results).hasSize(3).allMatch(ProbeResult::ok);
        assertThat(result(results, BackendKind.REDIS).message()).contains("PONG");
    }

    @Test
    void anUnknownContextIsNamed(KubeMockCluster kube, RedisServerProcess redis) {
        ProbeResult r = result(validator.validate(profile(kube, "staging", redis.url())), BackendKind.KUBERNETES);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("context 'staging' is not in");
    }

    @Test
    void aRedisUrlThatDoesNotParseIsExplained(KubeMockCluster kube) {
        ProbeResult r = result(validator.validate(profile(kube, null, "http://redis:6379")), BackendKind.REDIS);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("redis:// or rediss://");
    }

    @Test
    void anUnreachableRedisFailsWithoutHanging(KubeMockCluster kube) {
        ProbeResult r = result(validator.validate(profile(kube, null, "redis://127.0.0.1:1")), BackendKind.REDIS);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("does not answer PING");
    }

    @Test
    void anUnhealthyPlatformIsReportedWithItsStatus(KubeMockCluster kube, RedisServerProcess redis) {
        healthStatus.set(503);
        ProbeResult r = result(validator.validate(profile(kube, null, redis.url())), BackendKind.PLATFORM);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("503");
    }
}
