package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.FailedJob;
import dev.pitwall.model.FailedJobPage;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class FailedSetPagingTest {

    private static final int JOBS = 2_345;
    private static final long T0 = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli();

    private static RedisQueueBackend backend;

    @BeforeAll
    static void fill(RedisServerProcess server) {
        try (BullFixture bull = new BullFixture(server)) {
            bull.flush();
            bull.meta("workerJobs", "bullmq:6.7.0", false);
            try (Pipeline p = bull.redis().pipelined()) {
                for (int i = 0; i < JOBS; i++) {
                    String id = "run-" + i;
                    p.hset(BullFixture.key("workerJobs", id), java.util.Map.of("name", "EXECUTE_FLOW",
                            "data", "{\"jobType\":\"EXECUTE_FLOW\",\"n\":" + i + "}", "timestamp", String.valueOf(T0),
                            "finishedOn", String.valueOf(T0 + i * 1000L), "failedReason", "boom " + i,
                            "stacktrace", "[]", "atm", "2"));
                    p.zadd(BullFixture.key("workerJobs", "failed"), T0 + i * 1000L, id);
                }
                p.sync();
            }
        }
        backend = new RedisQueueBackend(RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url());
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void pagingThroughALargeFailedSetVisitsEachJobOnceNewestFirst() {
        FailedJobBrowser browser = new FailedJobBrowser(backend);
        Set<String> seen = new HashSet<>();
        List<Instant> order = new ArrayList<>();
        FailedJobPage page = browser.page("workerJobs", 0, 100);
        int pages = 1;
        while (true) {
            assertThat(page.total()).isEqualTo(JOBS);
            for (FailedJob job : page.jobs()) {
                assertThat(seen.add(job.id())).as("job " + job.id() + " seen once").isTrue();
                assertThat(job.isMalformed()).as(job.id() + ": " + job.problem()).isFalse();
                order.add(job.finishedAt());
            }
            if (!page.hasNext()) {
                break;
            }
            page = browser.page("workerJobs", page.pageIndex() + 1, 100);
            pages++;
        }
        assertThat(seen).hasSize(JOBS);
        assertThat(pages).isEqualTo(24);
        assertThat(page.jobs()).hasSize(45);
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(order.get(0)).isEqualTo(Instant.ofEpochMilli(T0 + (JOBS - 1) * 1000L));
    }

    @Test
    void thePageShowsWhatAPersonNeeds() {
        FailedJob newest = new FailedJobBrowser(backend).page("workerJobs", 0, 100).jobs().get(0);
        assertThat(newest.id()).isEqualTo("run-" + (JOBS - 1));
        assertThat(newest.name()).isEqualTo("EXECUTE_FLOW");
        assertThat(newest.failedReason()).isEqualTo("boom " + (JOBS - 1));
        assertThat(newest.attemptsMade()).isEqualTo(2);
        assertThat(newest.data()).isEqualTo("{\"jobType\":\"EXECUTE_FLOW\",\"n\":" + (JOBS - 1) + "}");
    }

    @Test
    void aPagePastTheEndIsEmptyAndKnowsTheSize() {
        FailedJobPage page = new FailedJobBrowser(backend).page("workerJobs", 50, 100);
        assertThat(page.jobs()).isEmpty();
        assertThat(page.total()).isEqualTo(JOBS);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.pageCount()).isEqualTo(24);
    }

    @Test
    void aQueueWithoutFailedJobsHasOneEmptyPage() {
        FailedJobPage page = new FailedJobBrowser(backend).page("syncJobs", 0, 100);
        assertThat(page.jobs()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.pageCount()).isEqualTo(1);
    }
}
