package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries through the HTTP API: from the failed step the same run goes to QUEUED at once and its job is re-added
 * with the same id, then it fails again while the world is broken and succeeds once it is healthy; on the latest
 * version a new run is created.
 */
@ExtendWith(RedisServerExtension.class)
class RetryTest {

    private static final String GLOBEX_QUEUE = "platform-wg-globex-jobs";

    private static RedisClient redis;
    private TestRoster roster;
    private SimDriver driver;
    private PlatformSimulator platform;
    private ApiClient api;

    @BeforeAll
    static void connect(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void freshWorld() {
        redis.flushDB();
        roster = TestRoster.demoFleet();
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, roster, clock, 11, "key",
                PlatformOptions.defaults().withRates(20, 10));
        driver = new SimDriver(clock);
        driver.add(platform);
        platform.start();
        api = new ApiClient(platform.url(), "key");
    }

    @AfterEach
    void closeWorld() {
        platform.close();
    }

    private void setGlobexMode(String mode) {
        roster.update(TestRoster.ofQueue(GLOBEX_QUEUE), w -> TestRoster.mode(w, mode));
    }

    private List<String> failedIds(String projectId) {
        return platform.runs().stream().filter(r -> r.projectId().equals(projectId) && r.status().isFailed())
                .map(FlowRunSnapshot::id).toList();
    }

    private JsonNode bulkRetry(String projectId, List<String> ids) {
        ApiClient.Reply reply = api.post("/api/v1/flow-runs/retry", Map.of("projectId", projectId,
                "strategy", "FROM_FAILED_STEP", "flowRunIds", ids));
        assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
        return reply.json();
    }

    private JsonNode jobData(String queue, String id) {
        try {
            return ApiClient.JSON.readTree(redis.hget("bull:" + queue + ":" + id, "data"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fromFailedStepQueuesAtOnceFailsAgainWhileBrokenAndSucceedsOnceHealthy() {
        setGlobexMode("SANDBOX_CODE_ONLY");
        driver.advance(Duration.ofMinutes(10));
        List<String> failed = failedIds("proj-globex");
        assertThat(failed).hasSizeGreaterThan(10);
        Map<String, FlowRunSnapshot> before = new java.util.HashMap<>();
        failed.forEach(id -> before.put(id, platform.run(id).orElseThrow()));

        JsonNode answer = bulkRetry("proj-globex", failed);

        assertThat(answer).hasSize(failed.size());
        answer.forEach(run -> {
            assertThat(run.has("error")).as(run.toString()).isFalse();
            assertThat(run.path("status").asText()).isEqualTo("QUEUED");
        });
        for (String id : failed) {
            assertThat(api.get("/api/v1/flow-runs/" + id).json().path("status").asText()).isEqualTo("QUEUED");
            JsonNode data = jobData(GLOBEX_QUEUE, id);
            assertThat(data.path("runId").asText()).isEqualTo(id);
            assertThat(data.path("executionType").asText()).isEqualTo("RESUME");
            assertThat(data.path("resumeReason").asText()).isEqualTo("RETRY");
            assertThat(redis.zscore("bull:" + GLOBEX_QUEUE + ":completed", id)).isNull();
            assertThat(redis.hget("bull:" + GLOBEX_QUEUE + ":" + id, "returnvalue")).isNull();
        }
        assertThat(redis.lrange("bull:" + GLOBEX_QUEUE + ":wait", 0, -1)).containsAll(failed);

        driver.advance(Duration.ofMinutes(2)); // still code-only: they fail again at the same code step
        for (String id : failed) {
            FlowRunSnapshot run = platform.run(id).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failedStep()).isEqualTo(before.get(id).failedStep());
            assertThat(platform.retryCount(id)).isEqualTo(1);
        }

        setGlobexMode("SANDBOX_PROCESS");
        bulkRetry("proj-globex", failed);
        driver.advance(Duration.ofMinutes(2));
        for (String id : failed) {
            FlowRunSnapshot run = platform.run(id).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.failedStep()).isNull();
            assertThat(run.created()).isEqualTo(before.get(id).created());
            assertThat(platform.retryCount(id)).isEqualTo(2);
            assertThat(redis.zscore("bull:" + GLOBEX_QUEUE + ":completed", id))
                    .isEqualTo((double) run.finishTime().toEpochMilli());
        }
    }

    @Test
    void internalErrorsRetriedByFilterLeaveBullMqsFailedSetAndSucceedOnAHealthyWorker() {
        String victim = "activepieces-worker-1";
        for (int tick = 0; tick < 100 && platform.runs().stream()
                .noneMatch(r -> r.status() == RunStatus.RUNNING && victim.equals(r.workerId())); tick++) {
            driver.advance(SimDriver.TICK);
        }
        roster.update(TestRoster.pod(victim), w -> TestRoster.running(w, false));
        driver.advance(SimDriver.TICK);
        List<String> internal = platform.runs().stream().filter(r -> r.status() == RunStatus.INTERNAL_ERROR)
                .map(FlowRunSnapshot::id).toList();
        assertThat(internal).isNotEmpty();
        assertThat(redis.zcard("bull:workerJobs:failed")).isEqualTo(internal.size());
        roster.update(TestRoster.pod(victim), w -> TestRoster.running(w, true));

        String project = platform.run(internal.get(0)).orElseThrow().projectId();
        List<String> ofProject = internal.stream()
                .filter(id -> platform.run(id).orElseThrow().projectId().equals(project)).toList();
        ApiClient.Reply reply = api.post("/api/v1/flow-runs/retry", Map.of("projectId", project,
                "strategy", "FROM_FAILED_STEP", "status", List.of("INTERNAL_ERROR")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).hasSize(ofProject.size());
        for (String id : ofProject) {
            assertThat(redis.zscore("bull:workerJobs:failed", id)).isNull();
            assertThat(redis.hget("bull:workerJobs:" + id, "failedReason")).isNull();
            assertThat(redis.hget("bull:workerJobs:" + id, "stacktrace")).isNull();
        }

        driver.advance(Duration.ofMinutes(2));
        for (String id : ofProject) {
            assertThat(platform.run(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        assertThat(redis.zcard("bull:workerJobs:failed")).isEqualTo(internal.size() - ofProject.size());
    }

    @Test
    void onLatestVersionCreatesANewRunOfTheLatestVersionAndLeavesTheOldOne() {
        setGlobexMode("SANDBOX_CODE_ONLY");
        driver.advance(Duration.ofMinutes(5));
        String failedId = failedIds("proj-globex").get(0);
        FlowRunSnapshot failed = platform.run(failedId).orElseThrow();
        setGlobexMode("SANDBOX_PROCESS");

        ApiClient.Reply reply = api.post("/api/v1/flow-runs/" + failedId + "/retry",
                Map.of("projectId", "proj-globex", "strategy", "ON_LATEST_VERSION"));

        assertThat(reply.status()).isEqualTo(200);
        String newId = reply.json().path("id").asText();
        assertThat(newId).isNotEqualTo(failedId).hasSize(21);
        assertThat(reply.json().path("status").asText()).isEqualTo("QUEUED");
        assertThat(reply.json().path("flowId").asText()).isEqualTo(failed.flowId());
        assertThat(reply.json().path("flowVersionId").asText())
                .isEqualTo(platform.catalog().flow(failed.flowId()).orElseThrow().latestVersionId());
        assertThat(jobData(GLOBEX_QUEUE, newId).path("executionType").asText()).isEqualTo("BEGIN");
        driver.advance(Duration.ofMinutes(2));
        assertThat(platform.run(newId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(platform.run(failedId).orElseThrow()).isEqualTo(failed);
        assertThat(platform.retryCount(failedId)).isEqualTo(1);
    }

    @Test
    void aRunAlreadyQueuedByARetryIsNotRetriedTwice() {
        setGlobexMode("SANDBOX_CODE_ONLY");
        driver.advance(Duration.ofMinutes(5));
        String id = failedIds("proj-globex").get(0);
        Map<String, String> body = Map.of("projectId", "proj-globex", "strategy", "FROM_FAILED_STEP");

        assertThat(api.post("/api/v1/flow-runs/" + id + "/retry", body).status()).isEqualTo(200);
        ApiClient.Reply second = api.post("/api/v1/flow-runs/" + id + "/retry", body);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("code").asText()).isEqualTo("FLOW_RUN_NOT_FAILED");
        assertThat(platform.retryCount(id)).isEqualTo(2);
        assertThat(redis.lrange("bull:" + GLOBEX_QUEUE + ":wait", 0, -1).stream().filter(id::equals)).hasSize(1);
    }
}
