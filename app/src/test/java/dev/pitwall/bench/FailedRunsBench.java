package dev.pitwall.bench;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.demo.platform.HistorySeed;
import dev.pitwall.demo.platform.PlatformOptions;
import dev.pitwall.demo.platform.PlatformSimulator;
import dev.pitwall.demo.platform.TestRoster;
import dev.pitwall.demo.world.SimClock;
import dev.pitwall.ops.runs.RunGrouping;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;
import dev.pitwall.platform.PlatformFlowRuns;
import dev.pitwall.platform.PlatformHttp;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 100,000 failed runs loaded page by page from the platform simulator and grouped (target under 5 s). */
@Tag("bench")
class FailedRunsBench {

    @Test
    void loadAndGroup100kFailedRuns() {
        try (RedisServerProcess server = RedisServerProcess.start();
             RedisClient redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
             PlatformSimulator platform = new PlatformSimulator(redis, TestRoster.demoFleet(),
                     new SimClock(SimClock.EPOCH), 9, "k", PlatformOptions.defaults().withRates(0, 0))) {
            platform.seedHistory(new HistorySeed(100_000, Duration.ofHours(5), 0.7, 0.3));
            platform.start();
            PlatformFlowRuns runs = new PlatformFlowRuns(new PlatformHttp(URI.create(platform.url().toString()), "k"));
            RunQuery query = RunQuery.failedBetween(SimClock.EPOCH.minus(Duration.ofHours(6)), null);
            List<Long> millis = new ArrayList<>();
            long total = 0;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                RunGrouping grouping = new RunGrouping();
                String cursor = null;
                do {
                    RunPage page = runs.page(query, cursor, 1000);
                    grouping.addAll(page.runs());
                    cursor = page.isLast() ? null : page.next();
                } while (cursor != null);
                total = grouping.total();
                millis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(grouping.groups()).isNotEmpty();
            }
            assertThat(total).isEqualTo(100_000);
            BenchRunner.print("load and group 100,000 failed runs from the simulator (median of 3)",
                    BenchRunner.median(millis) + " ms " + millis + " (target < 5,000 ms)");
        }
    }
}
