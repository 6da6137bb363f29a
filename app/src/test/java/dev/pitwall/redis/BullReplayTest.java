package dev.pitwall.redis;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.testing.Guards;
import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.files.JsonLinesJournal;
import dev.pitwall.ops.replay.JournalState;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.replay.ReplayControl;
import dev.pitwall.ops.replay.ReplayPlan;
import dev.pitwall.ops.replay.ReplayPlanner;
import dev.pitwall.ops.replay.ReplaySettings;
import dev.pitwall.testing.NodePackages;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BullMQ-level replay against the real npm bullmq: its own Worker fails jobs into the failed set, Pitwall plans and
 * replays them with its Lua script, and a real bullmq Worker then completes every one of them.
 */
@ExtendWith(RedisServerExtension.class)
class BullReplayTest {

    @TempDir
    Path dir;

    private static final String FAIL_ALL = """
            const { Queue, Worker } = require('bullmq');
            const url = new URL(process.env.REDIS_URL);
            const connection = { host: url.hostname, port: Number(url.port) };
            (async () => {
              const name = process.argv[2] || 'legacy-jobs';
              const queue = new Queue('%s', { connection });
              const jobs = [];
              for (let i = 0; i < 30; i++) jobs.push({ name: 'sync-contacts', data: { n: i }, opts: { attempts: 1 } });
              await queue.addBulk(jobs);
              let failed = 0;
              const worker = new Worker('%s', async () => { throw new Error('ECONNRESET talking to crm-7'); },
                { connection });
              await new Promise(resolve => worker.on('failed', () => { if (++failed === 30) resolve(); }));
              await worker.pause(true);
              console.log(JSON.stringify(await queue.getJobCounts()));
              process.exit(0); // not worker.close(): it can wait on its blocking connection long after the work
            })().catch(e => { console.error(e); process.exit(1); });
            """;

    private static final String COMPLETE_ALL = """
            const { Queue, Worker } = require('bullmq');
            const url = new URL(process.env.REDIS_URL);
            const connection = { host: url.hostname, port: Number(url.port) };
            (async () => {
              const queue = new Queue('%s', { connection });
              let done = 0;
              const worker = new Worker('%s', async job => 'ok ' + job.data.n, { connection });
              await new Promise((resolve, reject) => {
                worker.on('completed', () => { if (++done === 30) resolve(); });
                setTimeout(() => reject(new Error('only ' + done + ' jobs completed')), 90000);
              });
              console.log(JSON.stringify(await queue.getJobCounts()));
              process.exit(0); // not worker.close(): it can wait on its blocking connection long after the work
            })().catch(e => { console.error(e); process.exit(1); });
            """;

    @ParameterizedTest
    @ValueSource(ints = {5, 6})
    void failedJobsReplayedByPitwallAreCompletedByARealBullmqWorker(int major, RedisServerProcess server)
            throws Exception {
        NodePackages bullmq = NodePackages.bullmq(major);
        java.util.Map<String, String> env = java.util.Map.of("REDIS_URL", server.url());
        String queue = "legacy-jobs-v" + major;
        String failed = bullmq.runInline(FAIL_ALL.formatted(queue, queue), env, 120);
        assertThat(failed).contains("\"failed\":30");

        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            ReplayPlan plan = new ReplayPlanner(Clock.systemUTC(), ReplayPlanner.DEFAULT_RETENTION)
                    .planJobs(new BullFailedJobs(redis, queue), "failed set of " + queue, Guards.REDIS);
            assertThat(plan.items()).hasSize(30);
            assertThat(plan.countsByGroup()).containsOnlyKeys(queue + " / sync-contacts / ECONNRESET talking to crm-<n>");

            CompletableFuture<String> worker = CompletableFuture.supplyAsync(() -> {
                try {
                    return bullmq.runInline(COMPLETE_ALL.formatted(queue, queue), env, 120);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonLinesJournal journal = new JsonLinesJournal(dir.resolve("bull.jsonl"));
            ReplaySettings settings = ReplaySettings.defaults().withBatchSize(10)
                    .withFollowUp(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(200));
            JournalState state = Guards.replays(new BullReplayTarget(redis)).start(plan, settings, journal, null,
                    Pacer.system(), new ReplayControl(), null, Confirmer.yes());

            assertThat(state.isCompleted()).as(state.stopReason().orElse("")).isTrue();
            assertThat(state.countFinished(dev.pitwall.ops.replay.JournalEntry.Outcome.SUCCEEDED)).isEqualTo(30);
            String counts = worker.get(100, TimeUnit.SECONDS);
            assertThat(counts).contains("\"completed\":30").contains("\"failed\":0");
        }
    }

    @Test
    void aQueueOfAnUntestedLayoutIsNeverWrittenTo(RedisServerProcess server) throws Exception {
        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null)) {
            redis.hset("bull:future:meta", "version", "bullmq:7.0.0");
            redis.hset("bull:future:1", java.util.Map.of("name", "x", "data", "{}", "timestamp", "1",
                    "finishedOn", "2", "failedReason", "boom"));
            redis.zadd("bull:future:failed", 2, "1");
            ReplayPlan plan = new ReplayPlanner(Clock.systemUTC(), ReplayPlanner.DEFAULT_RETENTION)
                    .planJobs(new BullFailedJobs(redis, "future"), "future", Guards.REDIS);
            JournalState state = Guards.replays(new BullReplayTarget(redis)).start(plan,
                    ReplaySettings.defaults().withCanary(0), new JsonLinesJournal(dir.resolve("f.jsonl")), null,
                    Pacer.system(), new ReplayControl(), null, Confirmer.yes());
            assertThat(state.stopReason()).get().asString().contains("bullmq:7.0.0").contains("not one Pitwall");
            assertThat(redis.zcard("bull:future:failed")).isEqualTo(1);
            assertThat(redis.llen("bull:future:wait")).isZero();
        }
    }
}
