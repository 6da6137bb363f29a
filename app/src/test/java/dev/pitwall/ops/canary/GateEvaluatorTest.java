package dev.pitwall.ops.canary;

import dev.pitwall.testing.Guards;
import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.GateReading.Verdict;
import dev.pitwall.ops.rollback.Heartbeat;
import dev.pitwall.ops.rollback.WorkloadRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The gates the demo tests do not reach: crash-loops, heartbeats, queue depth, and a missing back-end. */
class GateEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");
    private static final WorkloadRef MAIN = new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, "ns", "worker");

    private final List<Heartbeat> beats = new ArrayList<>();
    private long waiting = 10;
    private boolean redis = true;

    private final CanarySignals signals = new CanarySignals() {
        @Override
        public Optional<List<RunOutcome>> finishedRuns(Instant since) {
            return Optional.empty();
        }

        @Override
        public Optional<List<VolumeUse>> volumes(String namespace, Collection<String> nodes) {
            return Optional.of(List.of());
        }

        @Override
        public Optional<List<Heartbeat>> heartbeats() {
            return redis ? Optional.of(beats) : Optional.empty();
        }

        @Override
        public OptionalLong waitingJobs(String groupId) {
            return redis ? OptionalLong.of(waiting) : OptionalLong.empty();
        }
    };

    private static CanaryRecord record() {
        CanarySettings settings = new CanarySettings("repo/worker:2.0", Map.of(), null, null, null);
        return new CanaryRecord(MAIN, "worker-canary", settings, CanaryPhase.RUNNING, 0, 4, T0, T0, null, 3, "p1",
                10, null, List.of(), List.of(), Guards.CLUSTER, "uid-1");
    }

    private static CanaryPod pod(String name, boolean ready, String waiting, int restarts) {
        return new CanaryPod(name, "node-1", "repo/worker:2.0", ready, waiting, restarts, T0);
    }

    private static GateReading gate(List<GateReading> readings, Gate gate) {
        return readings.stream().filter(r -> r.gate() == gate).findFirst().orElseThrow();
    }

    @Test
    void aCrashLoopingCanaryPodFailsTheRestartsGateAtOnce() {
        List<GateReading> r = new GateEvaluator(signals).evaluate(record(), "SANDBOX_PROCESS", null,
                List.of(pod("worker-canary-a", false, "CrashLoopBackOff", 1)), T0);
        assertThat(gate(r, Gate.RESTARTS).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(gate(r, Gate.RESTARTS).measured()).contains("crash-looping: worker-canary-a");
    }

    @Test
    void heartbeatsMustComeWithinTheGraceAndReportTheNewVersionAndMode() {
        GateEvaluator gates = new GateEvaluator(signals);
        List<CanaryPod> pods = List.of(pod("worker-canary-a", true, null, 0));
        assertThat(gate(gates.evaluate(record(), "SANDBOX_PROCESS", null, pods, T0), Gate.HEARTBEATS).verdict())
                .isEqualTo(Verdict.WAITING);
        GateReading silent = gate(gates.evaluate(record(), "SANDBOX_PROCESS", null, pods,
                T0.plus(Duration.ofMinutes(4))), Gate.HEARTBEATS);
        assertThat(silent.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(silent.measured()).contains("worker-canary-a silent for 4m");

        beats.add(new Heartbeat("worker-canary-a", "2.0", "SANDBOX_CODE_ONLY", T0));
        GateReading wrongMode = gate(new GateEvaluator(signals).evaluate(record(), "SANDBOX_PROCESS", null, pods,
                T0), Gate.HEARTBEATS);
        assertThat(wrongMode.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrongMode.measured()).contains("reports mode SANDBOX_CODE_ONLY");

        beats.set(0, new Heartbeat("worker-canary-a", "2.0", "SANDBOX_PROCESS", T0));
        assertThat(gate(new GateEvaluator(signals).evaluate(record(), "SANDBOX_PROCESS", null, pods, T0),
                Gate.HEARTBEATS).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aHeartbeatThatStoppedBeingWrittenCountsAsSilence() {
        List<CanaryPod> pods = List.of(pod("worker-canary-a", true, null, 0));
        beats.add(new Heartbeat("worker-canary-a", "2.0", "SANDBOX_PROCESS", T0));
        GateEvaluator gates = new GateEvaluator(signals);
        assertThat(gate(gates.evaluate(record(), "SANDBOX_PROCESS", null, pods, T0.plus(Duration.ofMinutes(1))),
                Gate.HEARTBEATS).verdict()).isEqualTo(Verdict.PASS);

        GateReading stale = gate(gates.evaluate(record(), "SANDBOX_PROCESS", null, pods,
                T0.plus(Duration.ofMinutes(5))), Gate.HEARTBEATS);
        assertThat(stale.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(stale.measured()).contains("worker-canary-a silent for 4m").contains("last heartbeat 5m ago");
    }

    @Test
    void theQueueMayNotGrowPastTheBoundAboveItsDepthAtTheStart() {
        waiting = 10 + GateThresholds.DEFAULTS.maxQueueGrowth();
        List<CanaryPod> pods = List.of(pod("worker-canary-a", true, null, 0));
        assertThat(gate(new GateEvaluator(signals).evaluate(record(), "", null, pods, T0), Gate.QUEUE_DEPTH)
                .verdict()).isEqualTo(Verdict.PASS);
        waiting++;
        GateReading grown = gate(new GateEvaluator(signals).evaluate(record(), "", null, pods, T0), Gate.QUEUE_DEPTH);
        assertThat(grown.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(grown.threshold()).isEqualTo("at most 510 waiting (10 at the start + 500)");
    }

    @Test
    void withoutABackEndAGateSaysSoAndHoldsNothing() {
        redis = false;
        List<GateReading> r = new GateEvaluator(signals).evaluate(record(), "", null,
                List.of(pod("worker-canary-a", true, null, 0)), T0);
        assertThat(gate(r, Gate.HEARTBEATS).verdict()).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(gate(r, Gate.FAILURE_RATE).measured()).isEqualTo("not measured: no platform in this profile");
        assertThat(r).filteredOn(GateReading::holds).extracting(GateReading::gate)
                .containsOnly(Gate.FILL_RATE, Gate.TIME_TO_FULL);
    }
}
