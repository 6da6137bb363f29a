package dev.pitwall.ops.replay;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.replay.JournalEntry.Outcome;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.testing.Guards;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayEngineTest {

    private final List<ReplayItem> items = new ArrayList<>();
    private FakeWorld world;
    private VirtualPacer pacer;
    private final MemoryJournal journal = new MemoryJournal();
    private final ReplayControl control = new ReplayControl();
    private final List<ReplayProgress> progress = new ArrayList<>();

    /** {@code n} runs in two projects and two groups: "flow-a / step_2 / ENOSPC" and "flow-b / step_3 / lodash". */
    private ReplayPlan plan(int n) {
        for (int i = 0; i < n; i++) {
            String group = i % 2 == 0 ? "flow-a / step_2 / ENOSPC" : "flow-b / step_3 / Cannot find module <value>";
            items.add(new ReplayItem("run-" + i, i % 3 == 0 ? "proj-acme" : "proj-cloud", i % 2 == 0 ? "flow-a"
                    : "flow-b", i % 2 == 0 ? "step_2" : "step_3", group, Instant.parse("2026-11-28T01:00:00Z"),
                    Instant.parse("2026-11-28T01:00:00Z")));
        }
        world = new FakeWorld(items);
        pacer = new VirtualPacer(world::tick);
        return new ReplayPlan("plan-1", Instant.parse("2026-11-28T03:55:00Z"), ReplaySource.PLATFORM,
                RetryStrategy.FROM_FAILED_STEP, "failed in the last 6 h", items, List.of(), Guards.PLATFORM);
    }

    private ReplaySettings settings() {
        return ReplaySettings.defaults().withConcurrency(1).withCanary(0).withBatchSize(50)
                .withFollowUp(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    private ReplayRuns runs(ReplayTarget target) {
        return Guards.replays(target);
    }

    private JournalState start(ReplayPlan plan, ReplaySettings settings, QueueDepthGauge gauge)
            throws InterruptedException {
        return runs(world).start(plan, settings, journal, gauge, pacer, control, progress::add, Confirmer.yes());
    }

    private JournalState resume() throws InterruptedException {
        return runs(world).resume(journal, null, pacer, control, progress::add, Confirmer.yes());
    }

    @Test
    void everyRunIsReplayedOnceAndFollowedToItsEnd() throws Exception {
        ReplayPlan plan = plan(230);
        world.keepFailing(id -> id.equals("run-7"));
        JournalState s = start(plan, settings(), null);

        assertThat(s.isCompleted()).isTrue();
        assertThat(world.totalRetries()).isEqualTo(230);
        items.forEach(i -> assertThat(world.retriesOf(i.id())).as(i.id()).isEqualTo(1));
        assertThat(s.countFinished(Outcome.SUCCEEDED)).isEqualTo(229);
        assertThat(s.finished(Outcome.FAILED_AGAIN)).singleElement()
                .satisfies(f -> assertThat(f.failedStep()).isEqualTo("step_2"));
        ReplayReport report = ReplayReport.of(s);
        assertThat(report.succeeded()).isEqualTo(229);
        assertThat(report.toMarkdown()).contains("| failed again | 1 |").contains("| run-7 | step_2 | still broken |");
        assertThat(progress).last().satisfies(p -> assertThat(p.phase()).isEqualTo("done"));
    }

    @Test
    void theCanaryGoesFirstAndAFailingCanaryStopsTheRest() throws Exception {
        ReplayPlan plan = plan(100);
        world.keepFailing(id -> Integer.parseInt(id.substring(4)) % 2 == 1); // the lodash group is still broken
        JournalState s = start(plan, settings().withCanary(1), null);

        assertThat(s.isCompleted()).isFalse();
        assertThat(s.stopReason()).get().asString().startsWith("canary failed: run run-1")
                .contains("Cannot find module").contains("failed again at step step_2");
        assertThat(world.totalRetries()).as("only one canary per group was sent").isEqualTo(2);
        assertThat(ReplayReport.of(s).notSent()).isEqualTo(98);
    }

    @Test
    void aPassingCanaryLetsTheRestFollow() throws Exception {
        JournalState s = start(plan(40), settings().withCanary(2), null);
        assertThat(s.canaryPassed()).isTrue();
        assertThat(s.isCompleted()).isTrue();
        assertThat(world.totalRetries()).isEqualTo(40);
        assertThat(s.canaryIds()).hasSize(4);
    }

    @Test
    void theRateLimitHoldsTheSendingRate() throws Exception {
        ReplayPlan plan = plan(1000);
        List<Duration> sendTimes = new ArrayList<>();
        ReplayTarget timed = new ReplayTarget() {
            @Override
            public List<dev.pitwall.ops.runs.RetryOutcome> write(ReplayBatch batch) {
                sendTimes.add(pacer.elapsed());
                return world.write(batch);
            }

            @Override
            public java.util.Map<String, ItemStatus> status(String p, List<String> ids) {
                return world.status(p, ids);
            }
        };
        runs(timed).start(plan, settings().withRate(50), journal, null, pacer, control, null, Confirmer.yes());
        double seconds = sendTimes.get(sendTimes.size() - 1).toMillis() / 1000.0;
        // 1,000 runs at 50/s: the last batch goes out at ~20 s minus one batch's booking
        double rate = (1000 - 13) / seconds;
        assertThat(rate).isBetween(50 * 0.95, 50 * 1.05);
        assertThat(world.totalRetries()).isEqualTo(1000);
    }

    @Test
    void sendingPausesWhileTheQueueIsTooDeepAndResumesBelowTheThreshold() throws Exception {
        ReplayPlan plan = plan(300);
        AtomicLong depth = new AtomicLong(9_000);
        List<Long> depthAtSend = new ArrayList<>();
        ReplayTarget watched = new ReplayTarget() {
            @Override
            public List<dev.pitwall.ops.runs.RetryOutcome> write(ReplayBatch batch) {
                depthAtSend.add(depth.get());
                depth.addAndGet(2_000); // every batch fills the queue
                return world.write(batch);
            }

            @Override
            public java.util.Map<String, ItemStatus> status(String p, List<String> ids) {
                return world.status(p, ids);
            }
        };
        QueueDepthGauge gauge = () -> depth.getAndUpdate(d -> Math.max(0, d - 1_500)); // workers drain it
        runs(watched).start(plan, settings().withMaxQueueDepth(5_000), journal, gauge, pacer, control,
                progress::add, Confirmer.yes());

        assertThat(depthAtSend).allMatch(d -> d <= 5_000);
        assertThat(world.totalRetries()).isEqualTo(300);
        assertThat(progress).anyMatch(p -> p.phase().equals("waiting for queue")
                && p.message().startsWith("paused:"));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndALostAnswerIsNotSentTwice() throws Exception {
        ReplayPlan plan = plan(120);
        world.failNextSends(FakeWorld.Failure.UNAVAILABLE_503, FakeWorld.Failure.LOST_ANSWER,
                FakeWorld.Failure.UNAVAILABLE_503);
        JournalState s = start(plan, settings(), null);

        assertThat(s.isCompleted()).isTrue();
        items.forEach(i -> assertThat(world.retriesOf(i.id())).as(i.id()).isEqualTo(1));
        assertThat(journal.count(JournalEntry.BatchFailed.class)).isEqualTo(3);
        assertThat(journal.count(JournalEntry.Skipped.class)).as("the lost answer's runs were found queued")
                .isEqualTo(1);
        assertThat(pacer.elapsed()).as("back-off waited").isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void perRunErrorsAreRecordedAndNotRetried() throws Exception {
        ReplayPlan plan = plan(10);
        world.failNextSends(FakeWorld.Failure.REJECT_FIRST);
        JournalState s = start(plan, settings(), null);
        assertThat(s.rejections()).containsOnlyKeys("run-0");
        assertThat(s.rejections().get("run-0").code()).isEqualTo("FLOW_RUN_RETRY_OUTSIDE_RETENTION");
        assertThat(world.retriesOf("run-0")).isZero();
        assertThat(world.sendCalls()).isEqualTo(2); // one per project, no resend of the rejected run
    }

    @Test
    void aRevokedKeyStopsTheReplayAndResumeFinishesItWithoutDuplicates() throws Exception {
        ReplayPlan plan = plan(200);
        world.failNextSends(FakeWorld.Failure.NONE, FakeWorld.Failure.UNAUTHORIZED_401);
        JournalState stopped = start(plan, settings(), null);
        assertThat(stopped.stopReason()).get().asString().contains("refused").contains("401");
        assertThat(world.totalRetries()).isEqualTo(50);

        JournalState resumed = resume();
        assertThat(resumed.isCompleted()).isTrue();
        items.forEach(i -> assertThat(world.retriesOf(i.id())).as(i.id()).isEqualTo(1));
    }

    @Test
    void killedAtTwentyRandomPointsEveryRunIsStillReplayedExactlyOnce() throws Exception {
        ReplayPlan plan = plan(400);
        world.failNextSends(FakeWorld.Failure.LOST_ANSWER);
        SplittableRandom random = new SplittableRandom(42);
        journal.crashAfterAppends(1 + random.nextInt(6));
        JournalState s = null;
        try {
            s = runs(world).start(plan, settings().withCanary(1), journal, null, pacer, control, null,
                    Confirmer.yes());
        } catch (MemoryJournal.Crash expected) {
            // killed
        }
        for (int kill = 0; kill < 20 && (s == null || !s.isCompleted()); kill++) {
            journal.crashAfterAppends(1 + random.nextInt(12));
            try {
                s = resume();
            } catch (MemoryJournal.Crash expected) {
                s = null;
            }
        }
        journal.noCrash();
        s = resume();
        assertThat(s.isCompleted()).isTrue();
        items.forEach(i -> assertThat(world.retriesOf(i.id())).as(i.id()).isEqualTo(1));
        assertThat(s.countFinished(Outcome.SUCCEEDED)).isEqualTo(400);
    }

    @Test
    void runsDeletedSinceThePlanAreReportedNotLost() throws Exception {
        ReplayPlan plan = plan(20);
        world.delete("run-5");
        JournalState s = start(plan, settings(), null);
        assertThat(s.isCompleted()).isTrue();
        assertThat(s.rejections().get("run-5").code()).isEqualTo("ENTITY_NOT_FOUND");
        assertThat(s.countFinished(Outcome.SUCCEEDED)).isEqualTo(19);
    }

    @Test
    void cancellingStopsBetweenBatchesAndResumeCarriesOn() throws Exception {
        ReplayPlan plan = plan(500);
        List<ReplayProgress> seen = new ArrayList<>();
        JournalState s = runs(world).start(plan, settings(), journal, null, pacer, control, p -> {
            seen.add(p);
            if (p.sent() >= 100) {
                control.cancel();
            }
        }, Confirmer.yes());
        assertThat(s.stopReason()).hasValue("cancelled by the user");
        // what was already in flight when cancel came still lands; nothing after it
        assertThat(world.totalRetries()).isBetween(100, 200);

        ReplayControl fresh = new ReplayControl();
        JournalState done = runs(world).resume(journal, null, pacer, fresh, null, Confirmer.yes());
        assertThat(done.isCompleted()).isTrue();
        items.forEach(i -> assertThat(world.retriesOf(i.id())).as(i.id()).isEqualTo(1));
    }
}
