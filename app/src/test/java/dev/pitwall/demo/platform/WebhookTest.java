package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook that starts a flow run, and the customers' smoke flows that show a stripped execution mode. */
@ExtendWith(RedisServerExtension.class)
class WebhookTest {

    private static final String KEY = "sk-webhook";

    private RedisClient redis;
    private TestRoster roster;
    private SimDriver driver;
    private PlatformSimulator platform;
    private ApiClient api;

    @BeforeEach
    void start(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        redis.flushDB();
        roster = TestRoster.demoFleet();
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, roster, clock, 11, KEY, PlatformOptions.defaults().withRates(0, 0));
        driver = new SimDriver(clock);
        driver.add(platform);
        platform.start();
        api = new ApiClient(platform.url(), KEY);
    }

    @AfterEach
    void stop() {
        platform.close();
        redis.close();
    }

    private FlowRunSnapshot triggerAndFinish(String flowId) {
        ApiClient.Reply reply = api.post("/api/v1/webhooks/" + flowId, Map.of("hello", "smoke"));
        assertThat(reply.status()).isEqualTo(200);
        String runId = reply.json().path("runId").asText();
        assertThat(runId).hasSize(21);
        assertThat(redis.lrange("bull:" + DemoFleet.queueOf("wg-globex") + ":wait", 0, -1)).contains(runId);
        driver.advance(Duration.ofMinutes(1));
        return platform.run(runId).orElseThrow();
    }

    @Test
    void theSmokeFlowFailsAtItsCodeStepUnderCodeOnlyAndPassesOtherwise() {
        String smoke = Catalog.smokeFlowIdOf("globex");
        assertThat(platform.catalog().flowsOf("proj-globex")).as("never part of the traffic")
                .noneMatch(f -> f.id().equals(smoke));

        roster.update(TestRoster.ofQueue(DemoFleet.queueOf("wg-globex")),
                w -> TestRoster.mode(w, "SANDBOX_CODE_ONLY"));
        FlowRunSnapshot failed = triggerAndFinish(smoke);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.flowId()).isEqualTo(smoke);
        assertThat(failed.failedStep().name()).isEqualTo("step_1");
        assertThat(failed.failedStep().message()).startsWith("Error: Cannot find module 'lodash'");

        roster.update(TestRoster.ofQueue(DemoFleet.queueOf("wg-globex")),
                w -> TestRoster.mode(w, "SANDBOX_PROCESS"));
        assertThat(triggerAndFinish(smoke).status()).isEqualTo(RunStatus.SUCCEEDED);

        JsonNode listed = api.get("/api/v1/flow-runs?projectId=proj-globex&flowId=" + smoke + "&limit=5").json();
        assertThat(listed.path("data")).hasSize(2);
    }

    @Test
    void anUnknownFlowIsNotFoundAndTheKeyIsRequired() {
        ApiClient.Reply unknown = api.post("/api/v1/webhooks/no-such-flow", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).isEqualTo("flow no-such-flow not found");
        assertThat(api.send("POST", "/api/v1/webhooks/" + Catalog.smokeFlowIdOf("acme"), "{}", null).status())
                .isEqualTo(401);
        assertThat(platform.runs()).isEmpty();
    }
}
