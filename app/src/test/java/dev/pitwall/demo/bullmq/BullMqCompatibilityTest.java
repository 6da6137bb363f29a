package dev.pitwall.demo.bullmq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the simulator writes is what the real BullMQ (npm, 5.x and 6.x) reads and works: job counts per state, the
 * jobs' data, failure reasons, stack traces and attempts, BullMQ's own retry of a failed job, and a real Worker
 * processing a job the simulator added.
 */
@ExtendWith(RedisServerExtension.class)
class BullMqCompatibilityTest {

    private static RedisClient redis;
    private static int port;

    @BeforeAll
    static void connect(RedisServerProcess server) {
        redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
        port = server.port();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    private static NewJob job(String id, long timestamp) {
        String data = "{\"jobType\":\"EXECUTE_FLOW\",\"runId\":\"" + id + "\",\"projectId\":\"proj-acme\"}";
        String opts = "{\"jobId\":\"" + id + "\",\"attempts\":2,\"backoff\":{\"type\":\"exponential\",\"delay\":480000},"
                + "\"removeOnFail\":{\"age\":2592000,\"count\":100000}}";
        return new NewJob(id, id, data, opts, timestamp);
    }

    @ParameterizedTest(name = "bullmq {0}.x")
    @ValueSource(ints = {5, 6})
    void realBullMqReadsCountsJobsAndFailuresTheSimulatorWrote(int major) throws Exception {
        NodeBullMq bullmq = NodeBullMq.install(major);
        BullQueue q = BullQueue.named("compat-read-" + major);
        long t = 1_795_000_000_000L;
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            batch.writeMeta(q);
            for (String id : List.of("w1", "w2", "w3", "a1", "a2", "c1", "c2", "c3", "c4", "f1", "f2")) {
                batch.add(q, job(id, t));
            }
            for (String id : List.of("a1", "a2", "c1", "c2", "c3", "c4", "f1", "f2")) {
                batch.moveToActive(q, id, t + 1_000, "sim-worker");
            }
            for (String id : List.of("c1", "c2", "c3", "c4")) {
                batch.complete(q, id, "{\"status\":\"SUCCEEDED\"}", t + 5_000);
            }
            batch.fail(q, "f1", "ENOSPC: no space left on device", "Error: ENOSPC\n    at write", t + 6_000);
            batch.fail(q, "f2", "worker stopped", "Error: worker stopped", t + 7_000);
            batch.addFailed(q, job("h1", t - 60_000), t - 59_000, t - 58_000, "Cannot find module 'lodash'",
                    "[\"Error: Cannot find module 'lodash'\"]");
            batch.sync();
        }

        JsonNode read = bullmq.run(port, "read", q.name(), "w1", "a1", "c1", "f1", "h1");

        JsonNode counts = read.path("counts");
        assertThat(counts.path("waiting").asInt()).as("waiting, seen by bullmq " + bullmq.version()).isEqualTo(3);
        assertThat(counts.path("active").asInt()).isEqualTo(2);
        assertThat(counts.path("completed").asInt()).isEqualTo(4);
        assertThat(counts.path("failed").asInt()).isEqualTo(3);
        assertThat(counts.path("delayed").asInt()).isZero();
        assertThat(counts.path("prioritized").asInt()).isZero();
        assertThat(counts.path("paused").asInt()).isZero();

        JsonNode jobs = read.path("jobs");
        assertThat(jobs.path("w1").path("state").asText()).isEqualTo("waiting");
        assertThat(jobs.path("w1").path("data").path("runId").asText()).isEqualTo("w1");
        assertThat(jobs.path("w1").path("opts").path("attempts").asInt()).isEqualTo(2);
        assertThat(jobs.path("w1").path("timestamp").asLong()).isEqualTo(t);
        assertThat(jobs.path("a1").path("state").asText()).isEqualTo("active");
        assertThat(jobs.path("a1").path("processedOn").asLong()).isEqualTo(t + 1_000);
        assertThat(jobs.path("c1").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.path("c1").path("returnvalue").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(jobs.path("c1").path("attemptsMade").asInt()).isEqualTo(1);
        assertThat(jobs.path("c1").path("finishedOn").asLong()).isEqualTo(t + 5_000);
        JsonNode f1 = jobs.path("f1");
        assertThat(f1.path("state").asText()).isEqualTo("failed");
        assertThat(f1.path("failedReason").asText()).isEqualTo("ENOSPC: no space left on device");
        assertThat(f1.path("stacktrace")).hasSize(1);
        assertThat(f1.path("stacktrace").get(0).asText()).isEqualTo("Error: ENOSPC\n    at write");
        assertThat(f1.path("attemptsMade").asInt()).isEqualTo(1);
        assertThat(f1.path("finishedOn").asLong()).isEqualTo(t + 6_000);
        assertThat(jobs.path("h1").path("state").asText()).isEqualTo("failed");
        assertThat(jobs.path("h1").path("failedReason").asText()).isEqualTo("Cannot find module 'lodash'");
        assertThat(jobs.path("h1").path("attemptsMade").asInt()).isEqualTo(1);

        // BullMQ's own retry of a simulator-failed job; the simulator then fails it once more: traces accumulate.
        JsonNode retried = bullmq.run(port, "retry", q.name(), "f1");
        assertThat(retried.path("counts").path("waiting").asInt()).isEqualTo(4);
        assertThat(retried.path("counts").path("failed").asInt()).isEqualTo(2);
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            batch.moveToActive(q, "f1", t + 8_000, "sim-worker");
            batch.fail(q, "f1", "ENOSPC again", "Error: ENOSPC again", t + 9_000);
            batch.sync();
        }
        JsonNode again = bullmq.run(port, "read", q.name(), "f1").path("jobs").path("f1");
        assertThat(again.path("state").asText()).isEqualTo("failed");
        assertThat(again.path("failedReason").asText()).isEqualTo("ENOSPC again");
        assertThat(again.path("attemptsMade").asInt()).isEqualTo(2);
        assertThat(again.path("stacktrace")).hasSize(2);
        assertThat(again.path("stacktrace").get(1).asText()).isEqualTo("Error: ENOSPC again");
    }

    @ParameterizedTest(name = "bullmq {0}.x")
    @ValueSource(ints = {5, 6})
    void realBullMqWorkerProcessesJobsTheSimulatorAddedOrRetried(int major) throws Exception {
        NodeBullMq bullmq = NodeBullMq.install(major);
        BullQueue q = BullQueue.named("compat-work-" + major);
        long t = 1_795_000_000_000L;
        try (BullMqBatch batch = BullMqBatch.open(redis)) {
            batch.writeMeta(q);
            batch.add(q, job("x1", t));
            batch.add(q, job("x2", t));
            batch.moveToActive(q, "x2", t + 1, "sim-worker");
            batch.fail(q, "x2", "ENOSPC", "Error: ENOSPC", t + 2);
            batch.sync();
            // Retried the way the simulator retries a run from its failed step: remove, then add the same id.
            batch.remove(q, "x2", "failed");
            batch.add(q, job("x2", t + 3));
            batch.sync();
        }

        JsonNode worked = bullmq.run(port, "work", q.name(), "x1", "x2");

        assertThat(worked.path("counts").path("completed").asInt()).isEqualTo(2);
        assertThat(worked.path("counts").path("waiting").asInt()).isZero();
        assertThat(worked.path("counts").path("failed").asInt()).isZero();
        for (String id : List.of("x1", "x2")) {
            JsonNode job = worked.path("jobs").path(id);
            assertThat(job.path("state").asText()).isEqualTo("completed");
            assertThat(job.path("returnvalue").path("processedBy").asText()).isEqualTo("bullmq");
            assertThat(job.path("returnvalue").path("runId").asText()).isEqualTo(id);
            assertThat(redis.zscore(q.key("completed"), id)).isEqualTo(job.path("finishedOn").asDouble());
        }
        Map<String, String> x2 = redis.hgetAll(q.jobKey("x2"));
        assertThat(x2).doesNotContainKey("failedReason").containsEntry("atm", "1");
    }
}
