package dev.pitwall.ui.queues;

import dev.pitwall.testing.MutableClock;
import java.time.Duration;

import dev.pitwall.model.FailedJob;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.queues.EventTally;
import dev.pitwall.ops.queues.FailedJobBrowser;
import dev.pitwall.ops.queues.FailedJobSource;
import dev.pitwall.ops.queues.FailedSlice;
import dev.pitwall.ops.queues.JobField;
import dev.pitwall.ops.queues.QueueBackendException;
import dev.pitwall.ops.queues.QueueHealthListener;
import dev.pitwall.ops.queues.QueueMonitor;
import dev.pitwall.ops.queues.QueueSample;
import dev.pitwall.ops.queues.QueueSource;
import dev.pitwall.ops.queues.RawJob;
import dev.pitwall.ops.queues.RawQueueCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Queues ViewModels on the calling thread: a fake Redis, a DirectExecutor, results applied at once. */
class QueuesViewModelTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    /** Queues whose waiting count can be changed, and a switch that makes Redis stop answering. */
    private static final class FakeRedis implements QueueSource, FailedJobSource {
        final Map<String, Long> waiting = new java.util.TreeMap<>();
        boolean down;
        int failedJobs = 250;
        final List<Long> offsetsAsked = new ArrayList<>();

        @Override
        public List<String> discoverQueues() {
            check();
            return List.copyOf(waiting.keySet());
        }

        @Override
        public List<QueueSample> sample(List<String> queues, Map<String, String> cursors) {
            check();
            List<QueueSample> out = new ArrayList<>();
            for (String q : queues) {
                long w = waiting.getOrDefault(q, 0L);
                out.add(new QueueSample(q, new RawQueueCounts(w, false, 0, false, 1, 0, 0, 9, failedJobs, 0,
                        q.equals("paused-q") ? "1" : null, "bullmq:6.7.0", null), EventTally.noStream()));
            }
            return out;
        }

        @Override
        public FailedSlice failedSlice(String queue, long offset, int limit) {
            check();
            offsetsAsked.add(offset);
            List<RawJob> jobs = new ArrayList<>();
            for (long rank = offset; rank < Math.min(failedJobs, offset + limit); rank++) {
                Map<String, JobField> f = new java.util.HashMap<>();
                f.put("name", JobField.of("EXECUTE_FLOW"));
                f.put("data", JobField.of(rank == 1 ? "{broken" : "{\"jobType\":\"EXECUTE_FLOW\",\"rank\":" + rank
                        + "}"));
                f.put("failedReason", JobField.of("boom " + rank));
                f.put("timestamp", JobField.of("1000"));
                f.put("finishedOn", JobField.of("2000"));
                f.put("atm", JobField.of("2"));
                f.put("stacktrace", JobField.of("[\"Error: boom\"]"));
                jobs.add(new RawJob(queue + "-" + rank, true, true, f));
            }
            return new FailedSlice(failedJobs, jobs);
        }

        private void check() {
            if (down) {
                throw new QueueBackendException("Redis at redis://127.0.0.1:6379 could not read the queues: "
                        + "Connection refused");
            }
        }
    }

    /** A clock the test moves. */
    private final FakeRedis redis = new FakeRedis();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:15:00Z"));
    private final DirectExecutor executor = new DirectExecutor();
    private final List<String> health = new ArrayList<>();
    private QueuesViewModel model;

    @BeforeEach
    void setUp() {
        redis.waiting.put("workerJobs", 3L);
        redis.waiting.put("paused-q", 7L);
        FailedJobsViewModel failed = new FailedJobsViewModel(new FailedJobBrowser(redis), executor,
                FxHandoff.immediate(), UTC, 100);
        model = new QueuesViewModel(new QueueMonitor(redis, List.of("configured"), clock), failed, executor,
                FxHandoff.immediate(), new QueueHealthListener() {
                    @Override
                    public void refreshed() {
                        health.add("ok");
                    }

                    @Override
                    public void failed(String reason) {
                        health.add("failed: " + reason);
                    }
                }, UTC);
        model.start();
    }

    @Test
    void aRefreshListsEveryQueueWithItsCounts() {
        executor.runScheduled();
        assertThat(model.queues()).extracting(QueueItem::name).containsExactly("configured", "paused-q", "workerJobs");
        assertThat(model.queues().get(2).row().stats().waitCount()).isEqualTo(3);
        assertThat(model.queues().get(1).row().stats().isPaused()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("3 queues \u00b7 refreshed 09:15:00");
        assertThat(health).containsExactly("ok");
    }

    @Test
    void laterRefreshesUpdateTheSameItemsInPlace() {
        executor.runScheduled();
        QueueItem before = model.queues().get(2);
        redis.waiting.put("workerJobs", 40L);
        clock.advance(Duration.ofSeconds(2));
        executor.runScheduled();
        assertThat(model.queues().get(2)).isSameAs(before);
        assertThat(before.row().stats().waitCount()).isEqualTo(40);
    }

    @Test
    void whenRedisStopsAnsweringTheFiguresAreMarkedStaleSinceTheLastGoodRefresh() {
        executor.runScheduled();
        redis.down = true;
        clock.advance(Duration.ofSeconds(2));
        executor.runScheduled();
        assertThat(model.staleProperty().get()).isTrue();
        assertThat(model.staleTextProperty().get()).startsWith("stale since 09:15:00: Redis at");
        assertThat(model.queues()).as("the last figures stay").hasSize(3);
        assertThat(health).containsExactly("ok", "failed: Redis at redis://127.0.0.1:6379 could not read the "
                + "queues: Connection refused");

        redis.down = false;
        executor.runScheduled();
        assertThat(model.staleProperty().get()).isFalse();
        assertThat(model.staleTextProperty().get()).isEmpty();
    }

    @Test
    void withRedisDownFromTheStartTheReasonIsShown() {
        redis.down = true;
        executor.runScheduled();
        assertThat(model.staleTextProperty().get()).startsWith("Redis does not answer: Redis at");
    }

    @Test
    void selectingAQueueShowsItsTrendAndItsFirstPageOfFailedJobs() {
        executor.runScheduled();
        clock.advance(Duration.ofSeconds(2));
        executor.runScheduled();
        model.select("workerJobs");
        assertThat(model.trend()).hasSize(2);
        assertThat(model.trend().get(0).waiting()).isEqualTo(3);
        FailedJobsViewModel failed = model.failedJobs();
        assertThat(failed.titleProperty().get()).isEqualTo("Failed jobs of workerJobs");
        assertThat(failed.jobs()).hasSize(100);
        assertThat(failed.pageTextProperty().get()).isEqualTo("page 1 of 3 \u00b7 jobs 1\u2013100 of 250, newest first");
        assertThat(failed.messageProperty().get()).isEqualTo("1 malformed on this page");
        assertThat(failed.canPreviousProperty().get()).isFalse();
        assertThat(failed.canNextProperty().get()).isTrue();
    }

    @Test
    void pagingReadsOnlyThePageAsked() {
        executor.runScheduled();
        model.select("workerJobs");
        FailedJobsViewModel failed = model.failedJobs();
        failed.next();
        failed.next();
        assertThat(failed.jobs()).hasSize(50);
        assertThat(failed.jobs().get(0).id()).isEqualTo("workerJobs-200");
        assertThat(failed.canNextProperty().get()).isFalse();
        failed.previous();
        assertThat(failed.jobs().get(0).id()).isEqualTo("workerJobs-100");
        assertThat(redis.offsetsAsked).containsExactly(0L, 100L, 200L, 100L);
    }

    @Test
    void theSelectedJobsDetailShowsPrettyDataAndTheStackTrace() {
        executor.runScheduled();
        model.select("workerJobs");
        FailedJobsViewModel failed = model.failedJobs();
        failed.select(failed.jobs().get(0));
        assertThat(failed.detailProperty().get()).contains("Job workerJobs-0 \u00b7 EXECUTE_FLOW \u00b7 attempts made: 2")
                .contains("Failed reason\nboom 0")
                .contains("{\n  \"jobType\": \"EXECUTE_FLOW\",\n  \"rank\": 0\n}")
                .contains("Stack trace\nError: boom");
        FailedJob broken = failed.jobs().get(1);
        failed.select(broken);
        assertThat(failed.detailProperty().get()).contains("malformed: data is not valid JSON");
    }

    @Test
    void aPageThatCannotBeReadSaysWhyAndKeepsWhatIsShown() {
        executor.runScheduled();
        model.select("workerJobs");
        FailedJobsViewModel failed = model.failedJobs();
        redis.down = true;
        failed.next();
        assertThat(failed.messageProperty().get()).contains("Connection refused");
        assertThat(failed.jobs()).hasSize(100);
        assertThat(failed.jobs().get(0).id()).isEqualTo("workerJobs-0");
        assertThat(failed.canNextProperty().get()).as("can try again").isTrue();
    }
}
