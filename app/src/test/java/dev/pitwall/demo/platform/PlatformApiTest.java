package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform HTTP API's contract, through java.net.http, over a seeded history of runs. */
@ExtendWith(RedisServerExtension.class)
class PlatformApiTest {

    private static final String KEY = "sk-test-platform";

    private static RedisClient redis;
    private static PlatformSimulator platform;
    private static ApiClient api;
    private static List<FlowRunSnapshot> runs;

    @BeforeAll
    static void start(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, TestRoster.demoFleet(), clock, 7, KEY,
                PlatformOptions.defaults().withRates(0, 0));
        platform.seedHistory(new HistorySeed(600, Duration.ofDays(40), 0.15, 0.10));
        platform.start();
        api = new ApiClient(platform.url(), KEY);
        runs = platform.runs();
    }

    @AfterAll
    static void stop() {
        platform.close();
        redis.close();
    }

    private static Set<String> idsOf(List<JsonNode> json) {
        Set<String> ids = new HashSet<>();
        json.forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static Set<String> expected(Predicate<FlowRunSnapshot> which) {
        Set<String> ids = new HashSet<>();
        runs.stream().filter(which).forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static void assertError(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(status);
        assertThat(reply.json().path("statusCode").asInt()).isEqualTo(status);
        assertThat(reply.json().path("error").asText()).isNotBlank();
        assertThat(reply.json().path("message").asText()).isNotBlank();
    }

    @Test
    void requestsWithoutTheKeyOrWithAWrongKeyAreRefusedWithAJsonError() {
        assertError(api.send("GET", "/api/v1/flow-runs", null, null), 401);
        assertError(api.send("GET", "/api/v1/flow-runs", null, "not-the-key"), 401);
        assertError(api.send("POST", "/api/v1/flow-runs/retry", "{}", "not-the-key"), 401);
        assertError(api.send("GET", "/api/v1/worker-machines", null, null), 401);
        assertThat(api.send("GET", "/api/v1/health", null, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/flow-runs").status()).isEqualTo(200);
    }

    @Test
    void cursorPagingVisitsEveryRunExactlyOnceNewestFirstAndPreviousLeadsBack() {
        List<JsonNode> pages = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/flow-runs?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            pages.add(page);
            page.path("data").forEach(r -> seen.add(r.path("id").asText()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);

        assertThat(seen).hasSize(runs.size()).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(runs.stream().map(FlowRunSnapshot::id).toList());
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages.get(0).path("previous").isNull()).isTrue();
        assertThat(pages.get(0).path("data")).hasSize(7);

        // Back from the last page by the previous cursors: the same pages in reverse.
        JsonNode page = pages.get(pages.size() - 1);
        for (int i = pages.size() - 2; i >= 0; i--) {
            page = api.get("/api/v1/flow-runs?limit=7&cursor=" + page.path("previous").asText()).json();
            assertThat(idsOf(list(page.path("data")))).isEqualTo(idsOf(list(pages.get(i).path("data"))));
        }
        assertThat(page.path("previous").isNull()).isTrue();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void everyFilterSelectsExactlyTheMatchingRuns() {
        FlowRunSnapshot sample = runs.stream().filter(r -> r.projectId().equals("proj-acme")).findFirst().orElseThrow();
        assertThat(idsOf(api.listAll("projectId=proj-acme", 50)))
                .isEqualTo(expected(r -> r.projectId().equals("proj-acme"))).isNotEmpty();

        List<String> twoFlows = platform.catalog().flowsOf("proj-acme").stream().limit(2).map(Flow::id).toList();
        assertThat(idsOf(api.listAll("flowId=" + twoFlows.get(0) + "&flowId=" + twoFlows.get(1), 50)))
                .isEqualTo(expected(r -> twoFlows.contains(r.flowId()))).isNotEmpty();

        assertThat(idsOf(api.listAll("status=FAILED&status=INTERNAL_ERROR", 50)))
                .isEqualTo(expected(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.INTERNAL_ERROR))
                .isNotEmpty();

        Instant after = runs.get(100).created();
        Instant before = runs.get(300).created();
        assertThat(idsOf(api.listAll("createdAfter=" + after + "&createdBefore=" + before, 50)))
                .isEqualTo(expected(r -> !r.created().isBefore(after) && !r.created().isAfter(before)))
                .hasSizeGreaterThanOrEqualTo(201);

        assertThat(idsOf(api.listAll("failedStepName=step_2", 50)))
                .isEqualTo(expected(r -> r.failedStep() != null && r.failedStep().name().equals("step_2")))
                .isNotEmpty();

        assertThat(idsOf(api.listAll("failedStepMessage=no%20space%20left", 50)))
                .isEqualTo(expected(r -> r.failedStep() != null && r.failedStep().message().contains("no space left")))
                .isNotEmpty();

        List<String> three = List.of(runs.get(5).id(), runs.get(50).id(), runs.get(500).id());
        assertThat(idsOf(api.listAll("flowRunIds=" + three.get(0) + "&flowRunIds=" + three.get(1)
                + "&flowRunIds=" + three.get(2), 50))).containsExactlyInAnyOrderElementsOf(three);

        assertThat(idsOf(api.listAll("projectId=" + sample.projectId() + "&status=SUCCEEDED", 50)))
                .isEqualTo(expected(r -> r.projectId().equals(sample.projectId())
                        && r.status() == RunStatus.SUCCEEDED));
    }

    @Test
    void oneRunCarriesItsFieldsAndAnUnknownOneIsNotFound() {
        FlowRunSnapshot failed = runs.stream().filter(r -> r.status() == RunStatus.INTERNAL_ERROR)
                .reduce((a, b) -> b).orElseThrow();
        ApiClient.Reply reply = api.get("/api/v1/flow-runs/" + failed.id());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode run = reply.json();
        assertThat(run.path("id").asText()).isEqualTo(failed.id());
        assertThat(run.path("projectId").asText()).isEqualTo(failed.projectId());
        assertThat(run.path("flowId").asText()).isEqualTo(failed.flowId());
        assertThat(run.path("flowVersionId").asText()).isEqualTo(failed.flowVersionId());
        assertThat(run.path("status").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(Instant.parse(run.path("created").asText())).isEqualTo(failed.created());
        assertThat(Instant.parse(run.path("startTime").asText())).isEqualTo(failed.startTime());
        assertThat(Instant.parse(run.path("finishTime").asText())).isEqualTo(failed.finishTime());
        assertThat(run.path("failedStep").path("name").asText()).isEqualTo(failed.failedStep().name());
        assertThat(run.path("failedStep").path("displayName").asText()).isEqualTo(failed.failedStep().displayName());
        assertThat(run.path("failedStep").path("message").asText()).startsWith("ENOSPC: no space left on device");
        assertThat(run.path("stepsCount").asInt()).isEqualTo(failed.stepsCount()).isPositive();
        assertThat(run.path("workerId").asText()).isEqualTo(failed.workerId()).isNotBlank();
        assertThat(run.path("tags").isArray()).isTrue();
        assertThat(run.has("archivedAt")).isTrue();

        assertError(api.get("/api/v1/flow-runs/no-such-run"), 404);
    }

    @Test
    void badRequestsGetA4xxWithAJsonBody() {
        assertError(api.get("/api/v1/flow-runs?limit=0"), 400);
        assertError(api.get("/api/v1/flow-runs?limit=1001"), 400);
        assertError(api.get("/api/v1/flow-runs?limit=ten"), 400);
        assertError(api.get("/api/v1/flow-runs?status=EXPLODED"), 400);
        assertError(api.get("/api/v1/flow-runs?createdAfter=yesterday"), 400);
        assertError(api.get("/api/v1/flow-runs?cursor=not-a-cursor"), 400);
        assertError(api.get("/api/v1/flow-runs?projectId=a&projectId=b"), 400);
        assertError(api.send("POST", "/api/v1/flow-runs/retry", "{not json", KEY), 400);
        assertError(api.send("POST", "/api/v1/flow-runs/retry", "", KEY), 400);
        assertError(api.post("/api/v1/flow-runs/retry", Map.of("strategy", "FROM_FAILED_STEP")), 400);
        assertError(api.post("/api/v1/flow-runs/retry", Map.of("projectId", "proj-acme", "strategy", "AGAIN")), 400);
        assertError(api.post("/api/v1/flow-runs/retry", Map.of("projectId", "proj-acme",
                "strategy", "FROM_FAILED_STEP", "flowRunIds", "abc")), 400);
        assertError(api.post("/api/v1/flow-runs/" + runs.get(0).id() + "/retry", Map.of("projectId", 5,
                "strategy", "FROM_FAILED_STEP")), 400);
        assertError(api.get("/api/v1/flow-runz"), 404);
        assertError(api.send("DELETE", "/api/v1/flow-runs", null, KEY), 405);
    }

    @Test
    void countByStatusAgreesWithTheRuns() {
        JsonNode counts = api.get("/api/v1/flow-runs/count-by-status").json();
        for (RunStatus status : RunStatus.values()) {
            assertThat(counts.path(status.name()).asInt()).as(status.name())
                    .isEqualTo(expected(r -> r.status() == status).size());
        }
        JsonNode acme = api.get("/api/v1/flow-runs/count-by-status?projectId=proj-acme").json();
        assertThat(acme.path("SUCCEEDED").asInt()).isEqualTo(
                expected(r -> r.projectId().equals("proj-acme") && r.status() == RunStatus.SUCCEEDED).size())
                .isPositive();
    }

    @Test
    void retriesOutsideRetentionOfRunsNotFailedOrOfOtherProjectsAreRefusedPerRun() {
        Instant retentionStart = SimClock.EPOCH.minus(PlatformOptions.DEFAULT_RETENTION);
        FlowRunSnapshot old = runs.stream().filter(r -> r.status().isFailed() && r.created().isBefore(retentionStart))
                .findFirst().orElseThrow();
        FlowRunSnapshot succeeded = runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED
                && r.created().isAfter(retentionStart)).findFirst().orElseThrow();

        ApiClient.Reply single = api.post("/api/v1/flow-runs/" + old.id() + "/retry",
                Map.of("projectId", old.projectId(), "strategy", "FROM_FAILED_STEP"));
        assertError(single, 409);
        assertThat(single.json().path("code").asText()).isEqualTo("FLOW_RUN_RETRY_OUTSIDE_RETENTION");
        ApiClient.Reply notFailed = api.post("/api/v1/flow-runs/" + succeeded.id() + "/retry",
                Map.of("projectId", succeeded.projectId(), "strategy", "FROM_FAILED_STEP"));
        assertError(notFailed, 409);
        assertThat(notFailed.json().path("code").asText()).isEqualTo("FLOW_RUN_NOT_FAILED");
        assertError(api.post("/api/v1/flow-runs/" + old.id() + "/retry",
                Map.of("projectId", "proj-elsewhere", "strategy", "FROM_FAILED_STEP")), 404);

        ApiClient.Reply bulk = api.post("/api/v1/flow-runs/retry", Map.of("projectId", old.projectId(),
                "strategy", "FROM_FAILED_STEP", "flowRunIds", List.of(old.id(), "no-such-run")));
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json()).hasSize(2);
        assertThat(bulk.json().get(0).path("id").asText()).isEqualTo(old.id());
        assertThat(bulk.json().get(0).path("status").asText()).isEqualTo(old.status().name());
        assertThat(bulk.json().get(0).path("error").path("errorCode").asText())
                .isEqualTo("FLOW_RUN_RETRY_OUTSIDE_RETENTION");
        assertThat(bulk.json().get(1).path("id").asText()).isEqualTo("no-such-run");
        assertThat(bulk.json().get(1).path("error").path("errorCode").asText()).isEqualTo("ENTITY_NOT_FOUND");

        ApiClient.Reply bulkSucceeded = api.post("/api/v1/flow-runs/retry", Map.of("projectId",
                succeeded.projectId(), "strategy", "FROM_FAILED_STEP", "flowRunIds", List.of(succeeded.id())));
        assertThat(bulkSucceeded.json().get(0).path("error").path("errorCode").asText())
                .isEqualTo("FLOW_RUN_NOT_FAILED");

        assertThat(platform.retryCount(old.id())).isEqualTo(3);
        assertThat(platform.run(old.id()).orElseThrow().status()).isEqualTo(old.status());
    }

    @Test
    void workerMachinesAndQueueMetricsDescribeTheFleetAndTheQueues() {
        platform.tick(SimClock.EPOCH, SimDriver.TICK);
        JsonNode machines = api.get("/api/v1/worker-machines").json();
        assertThat(machines).hasSize(14);
        JsonNode first = machines.get(0);
        assertThat(first.path("id").asText()).isEqualTo("activepieces-worker-0");
        assertThat(first.path("status").asText()).isEqualTo("ONLINE");
        assertThat(first.path("information").path("workerProps").path("EXECUTION_MODE").asText())
                .isEqualTo("SANDBOX_PROCESS");

        JsonNode queues = api.get("/api/v1/worker-machines/queue-metrics").json().path("queues");
        List<String> names = new ArrayList<>();
        queues.forEach(q -> names.add(q.path("name").asText()));
        assertThat(names).containsExactly("workerJobs", "platform-wg-acme-jobs", "platform-wg-globex-jobs",
                "platform-wg-initech-jobs");
        for (JsonNode q : queues) {
            assertThat(q.path("waiting").asLong()).isEqualTo(redis.llen("bull:" + q.path("name").asText() + ":wait"));
            assertThat(q.path("active").asLong()).isEqualTo(redis.llen("bull:" + q.path("name").asText() + ":active"));
        }
    }
}
