package dev.pitwall.ops.canary;

import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanarySignals.VolumeUse;
import dev.pitwall.ops.canary.GateReading.Verdict;
import dev.pitwall.ops.rollback.Heartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill-rate and time-to-full gates on in-memory kubelet samples of the canary's own volumes. */
class VolumeGatesTest {

    private static final Instant START = Instant.parse("2026-11-27T22:00:00Z");
    private static final long MIB = 1024 * 1024;
    private static final long CAPACITY = 2048 * MIB;
    private static final String POD = "activepieces-worker-canary-0";
    private static final CanaryPod CANARY = new CanaryPod(POD, "node-1", "repo/worker:2.0", true, null, 0, START);

    private final List<VolumeUse> uses = new ArrayList<>();
    private final VolumeGates gates = new VolumeGates(new CanarySignals() {
        @Override
        public Optional<List<RunOutcome>> finishedRuns(Instant since) {
            return Optional.empty();
        }

        @Override
        public Optional<List<VolumeUse>> volumes(String namespace, Collection<String> nodes) {
            return Optional.of(List.copyOf(uses));
        }

        @Override
        public Optional<List<Heartbeat>> heartbeats() {
            return Optional.empty();
        }

        @Override
        public OptionalLong waitingJobs(String groupId) {
            return OptionalLong.empty();
        }
    });

    /** The kubelet measured the canary's cache claim {@code minutes} after the container started. */
    private void kubelet(double minutes, long usedMib) {
        uses.clear();
        uses.add(new VolumeUse(POD, "cache", "cache-" + POD, usedMib * MIB, CAPACITY, at(minutes)));
        uses.add(new VolumeUse(POD, "kube-api-access-x1", null, 12 * 1024, 4096 * MIB, at(minutes)));
    }

    private static Instant at(double minutes) {
        return START.plusSeconds((long) (minutes * 60));
    }

    /** Evaluates at {@code now} (the evaluator's own clock) and returns FILL_RATE, TIME_TO_FULL. */
    private List<GateReading> evaluate(Instant now) {
        return evaluate(CANARY, now);
    }

    private List<GateReading> evaluate(CanaryPod pod, Instant now) {
        List<GateReading> r = gates.evaluate(GateThresholds.DEFAULTS, List.of(pod), "ap-shared", now);
        assertThat(r).extracting(GateReading::gate).containsExactly(Gate.FILL_RATE, Gate.TIME_TO_FULL);
        return r;
    }

    @Test
    void aCacheFillingFastFailsTheFillRateOnTheSecondSample() {
        kubelet(5, 40 + 5 * 50);
        GateReading first = evaluate(at(5)).get(0);
        assertThat(first.verdict()).as("judged from the first sample: its use since the container started")
                .isEqualTo(Verdict.PASS);
        assertThat(first.measured()).contains("58 MiB/min", "1 sample in a row over");

        kubelet(10, 40 + 10 * 50);
        GateReading second = evaluate(at(10)).get(0);
        assertThat(second.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(second.measured()).isEqualTo(POD + " volume fills at 50 MiB/min (2 samples in a row over), "
                + "26.4% used");
        assertThat(second.threshold()).isEqualTo("at most 20 MiB/min per canary volume (2 samples in a row over it "
                + "fail)");
    }

    @Test
    void aHealthyCacheWhoseStartUpInstallLooksFastOnceIsNeverFailed() {
        long used = 64;
        for (int i = 1; i <= 40; i++) {
            used += 4;
            kubelet(0.5 * i, used);
            List<GateReading> r = evaluate(at(0.5 * i));
            assertThat(r).as("sample " + i).noneMatch(GateReading::failed);
        }
        List<GateReading> last = evaluate(at(20));
        assertThat(last.get(0).measured()).contains("fills at 8 MiB/min");
        assertThat(last.get(1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(last.get(1).measured()).startsWith(POD + " volume full in ");
    }

    @Test
    void ratesAreTimedByTheKubeletNotByAnEvaluatorOnASlowerClock() {
        // a driver on the wall clock against a world 60 times faster sees 5 s between the kubelet's 5 minutes
        for (int i = 1; i <= 2; i++) {
            kubelet(5 * i, 40 + 5 * i * 3);
            assertThat(evaluate(START.plusSeconds(5L * i)).get(0).verdict()).isNotEqualTo(Verdict.FAIL);
        }
        assertThat(evaluate(START.plusSeconds(15)).get(0).measured()).contains("fills at 3 MiB/min");
    }

    @Test
    void theSameKubeletReadingReadAgainCountsOnce() {
        kubelet(5, 40 + 5 * 50);
        evaluate(at(5));
        assertThat(evaluate(at(5.5)).get(0).verdict()).as("the kubelet's stats are cached").isEqualTo(Verdict.PASS);
    }

    @Test
    void aClaimSharedWithOtherPodsIsNotTheCanarys() {
        uses.add(new VolumeUse(POD, "shared-cache", "shared-cache", 1800 * MIB, CAPACITY, at(5)));
        List<GateReading> r = evaluate(at(5));
        assertThat(r).allMatch(g -> g.verdict() == Verdict.WAITING);
        assertThat(r.get(0).measured()).isEqualTo("sampling the canary's volumes");
    }

    @Test
    void aSlowButSteadyFillFailsTheTimeToFullByTheFleetsForecast() {
        long used = 1024;
        List<GateReading> r = List.of();
        for (int i = 1; i <= 3; i++) {
            used += 15;
            kubelet(30 + i, used);
            r = evaluate(at(30 + i));
        }
        assertThat(r.get(0).verdict()).as("15 MiB/min is under the fill-rate threshold").isEqualTo(Verdict.PASS);
        assertThat(r.get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).measured()).isEqualTo(POD + " volume full in 1h 5m (52.2% used)");
    }

    @Test
    void aNearlyFullCacheFailsTheTimeToFullAtOnce() {
        kubelet(600, 1960);
        GateReading full = evaluate(at(600)).get(1);
        assertThat(full.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(full.measured()).isEqualTo(POD + " volume 95.7% full");
    }

    @Test
    void aCacheEmptiedByARestartStartsANewFill() {
        kubelet(5, 300);
        evaluate(at(5));
        kubelet(6, 40);
        CanaryPod restarted = new CanaryPod(POD, "node-1", "repo/worker:2.0", true, null, 1, at(5.5));
        GateReading afterRestart = evaluate(restarted, at(6)).get(0);
        assertThat(afterRestart.measured()).as("the first sample of the new fill, over the container's uptime")
                .contains("fills at 80 MiB/min (1 sample in a row over)");
    }
}
