package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.bullmq.NodeBullMq;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow jobs the simulator itself enqueues, runs and fails are what the real npm bullmq sees: counts per state
 * equal to the runs' states, EXECUTE_FLOW data, failure reasons and traces of internal errors; and a real BullMQ
 * Worker can process the jobs the simulator left waiting.
 */
@ExtendWith(RedisServerExtension.class)
class SimulatorBullMqCompatibilityTest {

    @ParameterizedTest(name = "bullmq {0}.x")
    @ValueSource(ints = {5, 6})
    void realBullMqReadsAndWorksTheSimulatorsFlowJobs(int major, RedisServerProcess server) throws Exception {
        NodeBullMq bullmq = NodeBullMq.install(major);
        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            redis.flushDB();
            TestRoster roster = TestRoster.demoFleet();
            SimClock clock = new SimClock(SimClock.EPOCH);
            List<FlowRunSnapshot> runs;
            try (PlatformSimulator platform = new PlatformSimulator(redis, roster, clock, major, "key",
                    PlatformOptions.defaults().withRates(30, 0))) {
                SimDriver driver = new SimDriver(clock);
                driver.add(platform);
                driver.advance(Duration.ofMinutes(1));
                roster.update(TestRoster.ofQueue(DemoFleet.SHARED_QUEUE), w -> TestRoster.running(w, false));
                driver.advance(Duration.ofSeconds(30));
                runs = platform.runs();
            }
            List<String> waiting = ids(runs, RunStatus.QUEUED);
            List<String> internal = ids(runs, RunStatus.INTERNAL_ERROR);
            List<String> succeeded = ids(runs, RunStatus.SUCCEEDED);
            assertThat(waiting).isNotEmpty();
            assertThat(internal).isNotEmpty();

            JsonNode read = bullmq.run(server.port(), "read", DemoFleet.SHARED_QUEUE,
                    internal.get(0), succeeded.get(0), waiting.get(0));

            JsonNode counts = read.path("counts");
            assertThat(counts.path("waiting").asInt()).isEqualTo(waiting.size());
            assertThat(counts.path("active").asInt()).isZero();
            assertThat(counts.path("failed").asInt()).isEqualTo(internal.size());
            assertThat(counts.path("completed").asInt()).isEqualTo(runs.size() - waiting.size() - internal.size());
            FlowRunSnapshot failedRun = runs.stream().filter(r -> r.id().equals(internal.get(0))).findFirst()
                    .orElseThrow();
            JsonNode failedJob = read.path("jobs").path(failedRun.id());
            assertThat(failedJob.path("state").asText()).isEqualTo("failed");
            assertThat(failedJob.path("name").asText()).isEqualTo(failedRun.id());
            assertThat(failedJob.path("data").path("jobType").asText()).isEqualTo("EXECUTE_FLOW");
            assertThat(failedJob.path("data").path("runId").asText()).isEqualTo(failedRun.id());
            assertThat(failedJob.path("data").path("flowVersionId").asText()).isEqualTo(failedRun.flowVersionId());
            assertThat(failedJob.path("failedReason").asText()).isEqualTo(failedRun.failedStep().message());
            assertThat(failedJob.path("stacktrace").get(0).asText()).contains(failedRun.failedStep().message());
            assertThat(failedJob.path("attemptsMade").asInt()).isEqualTo(1);
            assertThat(failedJob.path("opts").path("attempts").asInt()).isEqualTo(2);
            assertThat(failedJob.path("opts").path("backoff").path("delay").asLong()).isEqualTo(480_000);
            assertThat(failedJob.path("opts").path("removeOnFail").path("count").asInt()).isEqualTo(100_000);
            assertThat(failedJob.path("finishedOn").asLong()).isEqualTo(failedRun.finishTime().toEpochMilli());
            assertThat(failedJob.path("processedOn").asLong()).isEqualTo(failedRun.startTime().toEpochMilli());
            assertThat(failedJob.path("timestamp").asLong()).isEqualTo(failedRun.created().toEpochMilli());
            assertThat(read.path("jobs").path(succeeded.get(0)).path("returnvalue").path("status").asText())
                    .isEqualTo("SUCCEEDED");
            assertThat(read.path("jobs").path(waiting.get(0)).path("state").asText()).isEqualTo("waiting");

            JsonNode worked = bullmq.run(server.port(), "work", DemoFleet.SHARED_QUEUE,
                    waiting.toArray(String[]::new));
            assertThat(worked.path("counts").path("waiting").asInt()).isZero();
            for (String id : waiting) {
                assertThat(worked.path("jobs").path(id).path("state").asText()).isEqualTo("completed");
                assertThat(worked.path("jobs").path(id).path("returnvalue").path("runId").asText()).isEqualTo(id);
            }
        }
    }

    private static List<String> ids(List<FlowRunSnapshot> runs, RunStatus status) {
        return runs.stream().filter(r -> r.status() == status).map(FlowRunSnapshot::id).toList();
    }
}
