package dev.pitwall.redis;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.model.QueueStats;
import dev.pitwall.ops.queues.BullLayout;
import dev.pitwall.ops.queues.QueueBackendException;
import dev.pitwall.ops.queues.QueueBoard;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueRow;
import dev.pitwall.testing.BullFixture;
import dev.pitwall.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queues in every state, written in BullMQ's layout, counted the way BullMQ's getJobCounts counts them. */
@ExtendWith(RedisServerExtension.class)
class BullQueueCountsTest {

    private final RedisServerProcess server;
    private BullFixture bull;
    private RedisQueueBackend backend;
    private final long now = System.currentTimeMillis();

    BullQueueCountsTest(RedisServerProcess server) {
        this.server = server;
    }

    @BeforeEach
    void connect() {
        bull = new BullFixture(server);
        bull.flush();
        backend = new RedisQueueBackend(RedisClients.open(RedisEndpoint.parse(server.url()), null), server.url());
    }

    @AfterEach
    void close() {
        backend.close();
        bull.close();
    }

    /** 2 wait (the oldest 90 s old), 1 active, 3 prioritized, 2 delayed, 4 completed, 5 failed, 1 waiting-children. */
    private void everyState(String q, String version) {
        bull.meta(q, version, false);
        bull.waiting(q, "w1", now - 90_000);
        bull.waiting(q, "w2", now - 10_000);
        bull.active(q, "a1", now - 5_000);
        for (int i = 0; i < 3; i++) {
            bull.prioritized(q, "p" + i, now, 5, i);
        }
        bull.delayed(q, "d1", now, now + 3_600_000);
        bull.delayed(q, "d2", now, now + 7_200_000);
        for (int i = 0; i < 4; i++) {
            bull.completed(q, "c" + i, now - i);
        }
        for (int i = 0; i < 5; i++) {
            bull.failed(q, "f" + i, now - i, java.util.Map.of());
        }
        bull.waitingChildren(q, "parent", now);
    }

    private QueueStats stats(String q) {
        return new QueueMonitor(backend, List.of(q), Clock.systemUTC()).refresh().rows().stream()
                .filter(r -> r.name().equals(q)).findFirst().orElseThrow().stats();
    }

    private static void assertCounts(QueueStats s, long wait, long paused, boolean isPaused) {
        assertThat(s.waitCount()).as("wait").isEqualTo(wait);
        assertThat(s.paused()).as("paused").isEqualTo(paused);
        assertThat(s.active()).as("active").isEqualTo(1);
        assertThat(s.prioritized()).as("prioritized").isEqualTo(3);
        assertThat(s.delayed()).as("delayed").isEqualTo(2);
        assertThat(s.completed()).as("completed").isEqualTo(4);
        assertThat(s.failed()).as("failed").isEqualTo(5);
        assertThat(s.waitingChildren()).as("waiting-children").isEqualTo(1);
        assertThat(s.isPaused()).as("isPaused").isEqualTo(isPaused);
    }

    @Test
    void aRunningQueueCountsEveryStateInBothLayouts() {
        everyState("v5", "bullmq:5.81.5");
        everyState("v6", "bullmq:6.7.0");
        for (String q : List.of("v5", "v6")) {
            QueueStats s = stats(q);
            assertCounts(s, 2, 0, false);
            assertThat(s.oldestWaitingAgeSeconds()).as("oldest waiting age").isBetween(89L, 120L);
        }
        assertThat(stats("v5").layoutVersion()).isEqualTo("bullmq:5.81.5");
    }

    @Test
    void aPaused5xQueueHasMovedItsWaitingJobsToThePausedList() {
        everyState("v5", "bullmq:5.81.5");
        bull.redis().rename(BullFixture.key("v5", "wait"), BullFixture.key("v5", "paused"));
        bull.meta("v5", "bullmq:5.81.5", true);
        QueueStats s = stats("v5");
        assertCounts(s, 0, 2, true);
        assertThat(s.oldestWaitingAgeSeconds()).as("the oldest job waits in the paused list").isBetween(89L, 120L);
    }

    @Test
    void aPaused6xQueueKeepsItsJobsInWaitAndSetsTheFlag() {
        everyState("v6", "bullmq:6.7.0");
        bull.meta("v6", "bullmq:6.7.0", true);
        assertCounts(stats("v6"), 2, 0, true);
    }

    @Test
    void aLegacyMarkerInWaitIsNotCountedNorTakenForTheOldestJob() {
        everyState("v5", "bullmq:5.2.0");
        bull.redis().rpush(BullFixture.key("v5", "wait"), "0:0");
        QueueStats s = stats("v5");
        assertThat(s.waitCount()).isEqualTo(2);
        assertThat(s.oldestWaitingAgeSeconds()).isBetween(89L, 120L);
    }

    @Test
    void anUnknownLayoutIsShownAsSuchAndStillCounted() {
        everyState("future", "bullmq:7.0.0");
        QueueRow row = new QueueMonitor(backend, List.of("future"), Clock.systemUTC()).refresh().rows().get(0);
        assertThat(row.layout()).isEqualTo(BullLayout.UNKNOWN);
        assertThat(row.layoutText()).isEqualTo("unknown layout: bullmq:7.0.0");
        assertCounts(row.stats(), 2, 0, false);
    }

    @Test
    void aCorruptWaitingJobDoesNotBreakTheRefresh() {
        everyState("v6", "bullmq:6.7.0");
        bull.redis().hset(BullFixture.key("v6", "w1"), "timestamp", "not-a-number");
        QueueStats s = stats("v6");
        assertThat(s.waitCount()).isEqualTo(2);
        assertThat(s.oldestWaitingAgeSeconds()).as("unknown, not a crash").isNull();
    }

    @Test
    void queuesAreFoundByTheirMetaKeysPlusTheProfilesList() {
        everyState("workerJobs", "bullmq:6.7.0");
        bull.meta("syncJobs", "bullmq:6.7.0", false);
        bull.redis().set("bull:unrelated:id", "7"); // not a meta key
        for (int i = 0; i < 3000; i++) {
            bull.redis().set("noise:" + i, "x"); // so that SCAN needs several batches
        }
        QueueBoard board = new QueueMonitor(backend, List.of("platform-g1-jobs"), Clock.systemUTC()).refresh();
        assertThat(board.rows()).extracting(QueueRow::name)
                .containsExactly("platform-g1-jobs", "syncJobs", "workerJobs");
        QueueStats empty = board.rows().get(0).stats();
        assertThat(empty.queued() + empty.failed() + empty.completed()).isZero();
        assertThat(board.rows().get(0).layoutText()).isEqualTo("no version recorded");
    }

    @Test
    void eventsBetweenRefreshesBecomeRates() {
        everyState("v6", "bullmq:6.7.0");
        bull.event("v6", "added", "x0");
        QueueMonitor monitor = new QueueMonitor(backend, List.of("v6"), Clock.systemUTC());
        assertThat(monitor.refresh().rows().get(0).rates().isKnown()).isFalse();
        for (int i = 0; i < 30; i++) {
            bull.event("v6", "added", "x" + i);
            bull.event("v6", "active", "x" + i);
            bull.event("v6", i < 24 ? "completed" : "failed", "x" + i);
        }
        var rates = monitor.refresh().rows().get(0).rates();
        assertThat(rates.fromEvents()).isTrue();
        // both rates share one elapsed time, so their ratio is the ratio of the counts (up to rounding)
        assertThat(rates.addedPerMinute() / rates.completedPerMinute())
                .isCloseTo(30.0 / 24.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.completedPerMinute() / rates.failedPerMinute())
                .isCloseTo(24.0 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aDroppedConnectionIsAClearErrorAndTheNextRefreshReconnects() {
        RedisServerProcess own = RedisServerProcess.start();
        int port = own.port();
        try (RedisQueueBackend b = new RedisQueueBackend(
                RedisClients.open(RedisEndpoint.parse(own.url()), null), own.url())) {
            QueueMonitor monitor = new QueueMonitor(b, List.of("workerJobs"), Clock.systemUTC());
            assertThat(monitor.refresh().rows()).hasSize(1);
            own.close();
            assertThatThrownBy(monitor::refresh).isInstanceOf(QueueBackendException.class)
                    .hasMessageContaining("Redis at " + own.url() + " could not");
            own = RedisServerProcess.start(port);
            assertThat(monitor.refresh().rows()).hasSize(1);
        } finally {
            own.close();
        }
    }

    @Test
    void theSampleTimeIsTheTimeOfTheRead() {
        everyState("v6", "bullmq:6.7.0");
        Instant before = Instant.now();
        QueueStats s = stats("v6");
        assertThat(s.sampledAt()).isBetween(before, Instant.now());
    }
}
