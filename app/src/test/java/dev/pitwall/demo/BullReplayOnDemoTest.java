package dev.pitwall.demo;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.testing.Guards;
import dev.pitwall.demo.scenario.Scenario;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.files.JsonLinesJournal;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.replay.ReplayControl;
import dev.pitwall.ops.replay.ReplayItem;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.redis.BullFailedJobs;
import dev.pitwall.redis.BullReplayTarget;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BullMQ-level replay path on the demo: the failed jobs of the shared queue are moved back to waiting by
 * Pitwall's own script, and the demo's workers take them and complete them.
 */
class BullReplayOnDemoTest {

    @TempDir
    Path dir;

    @Test
    void failedJobsMovedBackAreCompletedByTheDemosWorkers() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(DemoEnvironment.Options.of(Scenario.STEADY, 13, 60));
             RedisClient redis = RedisClients.open(RedisEndpoint.parse(demo.redisUrl()), null)) {
            ReplayPlan plan = new ReplayPlanner(Clock.systemUTC(), ReplayPlanner.DEFAULT_RETENTION)
                    .planJobs(new BullFailedJobs(redis, DemoFleet.SHARED_QUEUE), "failed set of workerJobs", Guards.REDIS);
            assertThat(plan.items()).as("the demo's history leaves failed jobs in workerJobs").isNotEmpty();

            JournalState state = Guards.replays(new BullReplayTarget(redis)).start(plan, ReplaySettings.defaults()
                            .withBatchSize(50).withFollowUp(Duration.ofSeconds(90), Duration.ofSeconds(90),
                                    Duration.ofMillis(250)),
                    new JsonLinesJournal(dir.resolve("bull.jsonl")), null, Pacer.system(), new ReplayControl(), null,
                    Confirmer.yes());

            assertThat(state.isCompleted()).as(state.stopReason().orElse("")).isTrue();
            assertThat(state.countFinished(JournalEntry.Outcome.SUCCEEDED)).isEqualTo(plan.items().size());
            for (ReplayItem item : plan.items()) {
                assertThat(redis.zscore("bull:workerJobs:completed", item.id())).as(item.id()).isNotNull();
                assertThat(demo.platform().run(item.id())).get()
                        .satisfies(r -> assertThat(r.status().name()).isEqualTo("SUCCEEDED"));
            }
        }
    }
}
