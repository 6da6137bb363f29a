package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.demo.world.SimWorker;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How runs end, by the rules of the demo world, and what each outcome leaves in BullMQ's layout. */
@ExtendWith(RedisServerExtension.class)
class RunOutcomesTest {

    private static RedisClient redis;
    private TestRoster roster;
    private SimDriver driver;
    private PlatformSimulator platform;

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
    }

    @AfterEach
    void closeWorld() {
        platform.close();
    }

    private void startPlatform(double sharedPerMinute, double dedicatedPerMinute) {
        SimClock clock = new SimClock(SimClock.EPOCH);
        platform = new PlatformSimulator(redis, roster, clock, 42, "key",
                PlatformOptions.defaults().withRates(sharedPerMinute, dedicatedPerMinute));
        driver = new SimDriver(clock);
        driver.add(platform);
    }

    private List<FlowRunSnapshot> finished() {
        return platform.runs().stream().filter(r -> r.finishTime() != null).toList();
    }

    private static String queueOf(FlowRunSnapshot run) {
        return run.projectId().startsWith("proj-cloud-") ? DemoFleet.SHARED_QUEUE
                : DemoFleet.queueOf(DemoFleet.groupIdOf(run.projectId().substring("proj-".length())));
    }

    @Test
    void aHealthyFleetSucceedsEveryRunOnAWorkerOfItsQueueWithinConcurrency() {
        startPlatform(20, 10);
        for (int tick = 0; tick < 120; tick++) {
            driver.advance(SimDriver.TICK);
            Map<String, Integer> running = new HashMap<>();
            platform.runs().stream().filter(r -> r.status() == RunStatus.RUNNING)
                    .forEach(r -> running.merge(r.workerId(), 1, Integer::sum));
            running.forEach((worker, n) -> assertThat(n).as(worker + " busy sandboxes").isLessThanOrEqualTo(5));
        }

        List<FlowRunSnapshot> done = finished();
        assertThat(done).hasSizeGreaterThan(500);
        assertThat(done).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.failedStep()).isNull();
            SimWorker worker = roster.get(run.workerId());
            assertThat(worker.queue()).isEqualTo(queueOf(run));
            assertThat(run.startTime()).isAfterOrEqualTo(run.created());
            assertThat(run.finishTime()).isAfter(run.startTime());
            assertThat(redis.zscore("bull:" + queueOf(run) + ":completed", run.id()))
                    .isEqualTo((double) run.finishTime().toEpochMilli());
        });
        assertThat(done.stream().map(FlowRunSnapshot::workerId).distinct()).hasSize(14);
        assertThat(redis.zcard("bull:workerJobs:failed")).isZero();
        assertThat(redis.hget("bull:workerJobs:meta", "version")).isEqualTo("bullmq:5.81.5");
    }

    @Test
    void aWorkerThatStopsMidRunEndsItsRunsWithAnInternalErrorAtTheirStepAndFailsTheirJobs() {
        startPlatform(30, 0);
        String victim = "activepieces-worker-0";
        List<FlowRunSnapshot> onVictim = List.of();
        for (int tick = 0; tick < 100 && onVictim.size() < 2; tick++) {
            driver.advance(SimDriver.TICK);
            onVictim = platform.runs().stream()
                    .filter(r -> r.status() == RunStatus.RUNNING && victim.equals(r.workerId())).toList();
        }
        assertThat(onVictim).as("runs executing on " + victim).isNotEmpty();

        roster.update(TestRoster.pod(victim), w -> TestRoster.running(w, false));
        driver.advance(SimDriver.TICK);

        for (FlowRunSnapshot before : onVictim) {
            FlowRunSnapshot run = platform.run(before.id()).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
            assertThat(run.workerId()).isEqualTo(victim);
            assertThat(run.failedStep().name()).matches("step_[1-6]");
            assertThat(run.failedStep().message()).contains("Worker " + victim + " stopped");
            assertThat(redis.zscore("bull:workerJobs:failed", run.id()))
                    .isEqualTo((double) run.finishTime().toEpochMilli());
            Map<String, String> job = redis.hgetAll("bull:workerJobs:" + run.id());
            assertThat(job.get("failedReason")).isEqualTo(run.failedStep().message());
            assertThat(job.get("stacktrace")).startsWith("[\"Error: Worker " + victim);
            assertThat(job.get("atm")).isEqualTo("1");
            assertThat(redis.lrange("bull:workerJobs:active", 0, -1)).doesNotContain(run.id());
            assertThat(redis.exists("bull:workerJobs:" + run.id() + ":lock")).isFalse();
        }
        int later = platform.runs().size();
        driver.advance(Duration.ofMinutes(2));
        assertThat(platform.runs().subList(later, platform.runs().size()))
                .noneMatch(r -> victim.equals(r.workerId()));
    }

    @Test
    void aFullCacheVolumeEndsRunsWithEnospcAtTheStepTheyWereOn() {
        startPlatform(30, 0);
        String victim = "activepieces-worker-3";
        List<FlowRunSnapshot> onVictim = List.of();
        for (int tick = 0; tick < 100 && onVictim.isEmpty(); tick++) {
            driver.advance(SimDriver.TICK);
            onVictim = platform.runs().stream()
                    .filter(r -> r.status() == RunStatus.RUNNING && victim.equals(r.workerId())).toList();
        }
        roster.update(TestRoster.pod(victim), w -> TestRoster.diskUsed(w, w.diskTotalBytes()));
        driver.advance(SimDriver.TICK);

        assertThat(onVictim).isNotEmpty().allSatisfy(before -> {
            FlowRunSnapshot run = platform.run(before.id()).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.INTERNAL_ERROR);
            assertThat(run.failedStep().message()).startsWith(
                    "ENOSPC: no space left on device, write '/usr/src/app/cache/flows/" + run.flowVersionId() + "/"
                            + run.failedStep().name());
            assertThat(redis.hget("bull:workerJobs:" + run.id(), "failedReason")).isEqualTo(run.failedStep().message());
        });
    }

    @Test
    void codeOnlyModeFailsNpmCodeStepsWithCannotFindModuleAndNothingElse() {
        roster.update(TestRoster.ofQueue("platform-wg-globex-jobs"), w -> TestRoster.mode(w, "SANDBOX_CODE_ONLY"));
        startPlatform(0, 20);
        driver.advance(Duration.ofMinutes(10));

        List<FlowRunSnapshot> globex = finished().stream().filter(r -> r.projectId().equals("proj-globex")).toList();
        assertThat(globex).hasSizeGreaterThan(50);
        int npmFailures = 0;
        for (FlowRunSnapshot run : globex) {
            Flow flow = platform.catalog().flow(run.flowId()).orElseThrow();
            int npmStep = flow.firstNpmStep(0);
            if (npmStep < 0) {
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                continue;
            }
            npmFailures++;
            FlowStep code = flow.steps().get(npmStep);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failedStep().name()).isEqualTo(code.name());
            assertThat(run.failedStep().displayName()).isEqualTo(code.displayName());
            assertThat(run.failedStep().message()).contains("Cannot find module '" + code.npmPackage() + "'");
            assertThat(run.stepsCount()).isEqualTo(npmStep + 2);
            // An ordinary flow failure completes its job; only internal errors land in BullMQ's failed set.
            assertThat(redis.zscore("bull:platform-wg-globex-jobs:completed", run.id())).isNotNull();
        }
        assertThat(npmFailures).isPositive();
        assertThat(globex).anyMatch(r -> r.failedStep() != null
                && r.failedStep().message().contains("Cannot find module 'lodash'"));
        assertThat(redis.zcard("bull:platform-wg-globex-jobs:failed")).isZero();
        assertThat(finished().stream().filter(r -> !r.projectId().equals("proj-globex")))
                .isNotEmpty().allMatch(r -> r.status() == RunStatus.SUCCEEDED);
    }

    @Test
    void anImageThatFailsRunsFailsAboutThirtyPercentAtSeededSteps() {
        roster.update(TestRoster.ofQueue(DemoFleet.SHARED_QUEUE), w -> TestRoster.image(w, "0.87.4-bad-runs"));
        startPlatform(60, 0);
        driver.advance(Duration.ofMinutes(20));

        List<FlowRunSnapshot> done = finished();
        assertThat(done).hasSizeGreaterThan(3_000);
        long failed = done.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        assertThat((double) failed / done.size()).isBetween(0.25, 0.35);
        assertThat(done).allMatch(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.SUCCEEDED);
        List<FlowRunSnapshot> failures = done.stream().filter(r -> r.status() == RunStatus.FAILED).toList();
        assertThat(failures.stream().map(r -> r.failedStep().name()).distinct().count()).isGreaterThan(3);
        assertThat(failures).allSatisfy(r -> assertThat(r.failedStep().message()).isNotBlank());
        assertThat(redis.zcard("bull:workerJobs:failed")).isZero();
        assertThat(redis.zcard("bull:workerJobs:completed")).isEqualTo(done.size());
    }

    @Test
    void jobsWaitInTheQueueWhileNoWorkerOfItRunsAndAreTakenWhenOneComesBack() {
        roster.update(TestRoster.ofQueue("platform-wg-acme-jobs"), w -> TestRoster.running(w, false));
        startPlatform(0, 12);
        driver.advance(Duration.ofMinutes(2));
        long waiting = redis.llen("bull:platform-wg-acme-jobs:wait");
        assertThat(waiting).isGreaterThan(5);
        assertThat(platform.runs().stream().filter(r -> r.projectId().equals("proj-acme")))
                .allMatch(r -> r.status() == RunStatus.QUEUED);
        JsonNode job = null;
        try {
            job = ApiClient.JSON.readTree(redis.hget("bull:platform-wg-acme-jobs:"
                    + redis.lindex("bull:platform-wg-acme-jobs:wait", -1), "data"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(job.path("jobType").asText()).isEqualTo("EXECUTE_FLOW");
        assertThat(job.path("executionType").asText()).isEqualTo("BEGIN");
        assertThat(job.path("schemaVersion").asInt()).isEqualTo(10);

        roster.update(TestRoster.ofQueue("platform-wg-acme-jobs"), w -> TestRoster.running(w, true));
        driver.advance(Duration.ofMinutes(3));
        assertThat(platform.runs().stream().filter(r -> r.projectId().equals("proj-acme")
                && r.created().isBefore(SimClock.EPOCH.plus(Duration.ofMinutes(2)))))
                .allMatch(r -> r.status() == RunStatus.SUCCEEDED);
    }
}
