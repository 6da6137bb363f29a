package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.FailedJobPage;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.QueueSample;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's figures: 50 queues, one of them with 1,000,000 jobs in its failed set. Prints the median of the refresh
 * round trip (all 50 queues) and of reading the first page of 100 failed jobs, after warm-up.
 */
@Tag("bench")
@ExtendWith(RedisServerExtension.class)
class QueuesBench {

    private static final int FAILED_JOBS = 1_000_000;
    private static final int QUEUES = 50;
    private static final int BATCH = 20_000;

    @Test
    void refreshAndFirstFailedPage(RedisServerProcess server) {
        List<String> names = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (BullFixture bull = new BullFixture(server)) {
            bull.flush();
            long t0 = System.nanoTime();
            fillFailedSet(bull, "workerJobs", now);
            System.out.printf("BENCH write %,d failed jobs (pipelined): %d ms%n", FAILED_JOBS,
                    (System.nanoTime() - t0) / 1_000_000);
            names.add("workerJobs");
            for (int q = 1; q < QUEUES; q++) {
                String name = "platform-" + q + "-jobs";
                names.add(name);
                bull.meta(name, "bullmq:6.7.0", q % 10 == 0);
                bull.waiting(name, "w" + q, now - q * 1000L);
                bull.active(name, "a" + q, now);
                bull.delayed(name, "d" + q, now, now + 60_000);
                bull.failed(name, "f" + q, now, Map.of());
                bull.event(name, "added", "w" + q);
            }
        }
        try (RedisQueueBackend backend = new RedisQueueBackend(
                RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url())) {
            Map<String, String> cursors = new HashMap<>();
            double refresh = medianMillis(30, 300, () -> {
                List<QueueSample> samples = backend.sample(names, cursors);
                samples.forEach(s -> cursors.put(s.name(), s.events().newestId()));
                return samples.size();
            });
            assertThat(backend.sample(names, cursors).get(0).counts().failed()).isEqualTo(FAILED_JOBS);
            System.out.printf("BENCH queues refresh round trip: %.2f ms (median, %d queues, one with %,d failed)%n",
                    refresh, QUEUES, FAILED_JOBS);

            FailedJobBrowser browser = new FailedJobBrowser(backend);
            double firstPage = medianMillis(10, 100, () -> browser.page("workerJobs", 0, 100).jobs().size());
            FailedJobPage page = browser.page("workerJobs", 0, 100);
            assertThat(page.jobs()).hasSize(100);
            assertThat(page.total()).isEqualTo(FAILED_JOBS);
            System.out.printf("BENCH first page of 100 failed jobs: %.2f ms (median, set of %,d)%n", firstPage,
                    FAILED_JOBS);

            double deepPage = medianMillis(5, 50, () -> browser.page("workerJobs", 9_999, 100).jobs().size());
            System.out.printf("BENCH page 10,000 of 100 failed jobs: %.2f ms (median)%n", deepPage);

            long t0 = System.nanoTime();
            int found = backend.discoverQueues().size();
            System.out.printf("BENCH queue discovery by SCAN over %,d keys: %d ms (%d queues)%n",
                    FAILED_JOBS + QUEUES * 8, (System.nanoTime() - t0) / 1_000_000, found);
        }
    }

    /** Minimal failed job hashes and the failed set, written in pipelined batches. */
    private static void fillFailedSet(BullFixture bull, String queue, long now) {
        bull.meta(queue, "bullmq:6.7.0", false);
        for (int from = 0; from < FAILED_JOBS; from += BATCH) {
            try (Pipeline p = bull.redis().pipelined()) {
                for (int i = from; i < Math.min(FAILED_JOBS, from + BATCH); i++) {
                    String id = String.valueOf(i);
                    long finished = now - FAILED_JOBS + i;
                    p.hset(BullFixture.key(queue, id), Map.of("name", "EXECUTE_FLOW",
                            "data", "{\"jobType\":\"EXECUTE_FLOW\",\"runId\":\"" + id + "\"}",
                            "timestamp", String.valueOf(finished - 100), "finishedOn", String.valueOf(finished),
                            "failedReason", "step failed", "atm", "2"));
                    p.zadd(BullFixture.key(queue, "failed"), finished, id);
                }
                p.sync();
            }
        }
    }

    private static double medianMillis(int warmUp, int runs, Supplier<Integer> work) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
