package dev.pitwall.demo.platform;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.demo.world.SimDriver;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and the same ticks with the same roster give the same runs: ids, outcomes, steps and times. */
@ExtendWith(RedisServerExtension.class)
class DeterminismTest {

    /** A world with history, traffic, a worker dying, a flaky image and a stripped execution mode, in its own db. */
    private static List<FlowRunSnapshot> play(RedisServerProcess server, int database, long seed) {
        try (RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url() + "/" + database), null)) {
            redis.flushDB();
            TestRoster roster = TestRoster.demoFleet();
            SimClock clock = new SimClock(SimClock.EPOCH);
            try (PlatformSimulator platform = new PlatformSimulator(redis, roster, clock, seed, "key",
                    PlatformOptions.defaults().withRates(15, 8))) {
                platform.seedHistory(new HistorySeed(300, Duration.ofDays(3), 0.1, 0.05));
                SimDriver driver = new SimDriver(clock);
                driver.add(platform);
                driver.advance(Duration.ofMinutes(3));
                roster.update(TestRoster.pod("activepieces-worker-2"), w -> TestRoster.running(w, false));
                roster.update(TestRoster.ofQueue(DemoFleet.queueOf(DemoFleet.groupIdOf("globex"))),
                        w -> TestRoster.mode(w, "SANDBOX_CODE_ONLY"));
                roster.update(TestRoster.pod("activepieces-worker-5"), w -> TestRoster.image(w, "0.87.3-bad-runs"));
                driver.advance(Duration.ofMinutes(4));
                return platform.runs();
            }
        }
    }

    @Test
    void theSameSeedGivesIdenticalRunsAndAnotherSeedOtherIds(RedisServerProcess server) {
        List<FlowRunSnapshot> first = play(server, 1, 2026);
        List<FlowRunSnapshot> second = play(server, 2, 2026);
        List<FlowRunSnapshot> other = play(server, 3, 2027);

        assertThat(first).hasSizeGreaterThan(500);
        assertThat(first.stream().map(FlowRunSnapshot::status).distinct())
                .contains(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.INTERNAL_ERROR);
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(other.stream().map(FlowRunSnapshot::id).toList())
                .doesNotContainAnyElementsOf(first.stream().map(FlowRunSnapshot::id).toList());
    }
}
