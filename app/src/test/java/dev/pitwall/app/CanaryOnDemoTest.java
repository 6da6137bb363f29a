package dev.pitwall.app;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.files.CanaryJournalFile;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.canary.CanaryCluster;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryRefused;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanarySession;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.Gate;
import dev.pitwall.ops.canary.GateReading;
import dev.pitwall.ops.canary.GateThresholds;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.testing.SlowerClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canaries on the demo world (sim speed 0, driven in simulated time), through the real adapters. */
class CanaryOnDemoTest {

    private static final Confirmer YES = Confirmer.yes();

    private static final String STABLE = CanaryDemoFixture.REPOSITORY + ImageBehaviour.STABLE_TAG;
    private static final String BAD_CACHE = CanaryDemoFixture.REPOSITORY + "0.88.1-bad-cache";
    private static final List<String> VOLUME_GATES = List.of(Gate.FILL_RATE.name(), Gate.TIME_TO_FULL.name());

    @TempDir
    Path state;
    private CanaryDemoFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aCacheFillingImageIsAbortedByAVolumeGateInTheFirstStepAndTheMainWorkloadIsUntouched() throws Exception {
        fx = new CanaryDemoFixture(state, 11);
        WorkloadRef shared = fx.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
        fx.capturePlan(shared, true);
        CanaryEngine engine = fx.engine();
        engine.start(shared, new CanarySettings(BAD_CACHE, Map.of(), null, Duration.ofMinutes(10), null), YES);
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS - 1);

        CanaryRecord r = fx.drive(engine, shared, Duration.ofMinutes(30));

        assertThat(r.phase()).isEqualTo(CanaryPhase.ABORTED);
        assertThat(r.step()).isZero();
        assertThat(r.abortReason().gate()).isIn(VOLUME_GATES);
        assertThat(r.abortReason().measured()).contains(r.canaryName() + "-0 volume");
        assertThat(fx.object(shared, r.canaryName())).isNull();
        assertThat(fx.image(shared)).isEqualTo(STABLE);
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS);
        CanaryRecord journaled = new CanaryJournalFile(state).load(fx.guard.identity(BackendKind.KUBERNETES), shared).orElseThrow();
        assertThat(journaled.abortReason()).isEqualTo(r.abortReason());
        assertThat(fx.backends.auditLog().entries()).filteredOn(e -> e.action().equals("canary.aborted"))
                .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("gate", r.abortReason().gate())
                        .containsKeys("measured", "threshold", "at"));
    }

    /**
     * As the outage's canary was tried: `canary start --hold 1m --every 5s` on the wall clock against the demo at
     * speed 60, so that the driver's clock runs 60 times slower than the world and each evaluation is 5 simulated
     * minutes after the last. The bad-cache image fills a fresh cache in 30-45 simulated minutes; a volume gate must
     * abort it before any canary pod restarts, whatever the seed.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aCacheFillingImageIsAbortedByAVolumeGateBeforeAnyCanaryPodRestarts(long seed) throws Exception {
        fx = new CanaryDemoFixture(state, seed);
        WorkloadRef shared = fx.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
        fx.capturePlan(shared, true);
        Instant t0 = fx.demo.clock().instant();
        Clock wall = new SlowerClock(fx.demo.clock(), 60);
        try (CanarySession cli = fx.sessionOn(wall)) {
            cli.engine().start(shared, new CanarySettings(BAD_CACHE, Map.of(), null, Duration.ofMinutes(1), null),
                    YES);

            CanaryRecord r = fx.drive(cli.engine(), shared, Duration.ofMinutes(60), Duration.ofMinutes(5));

            assertThat(r.phase()).as(r.gates().toString()).isEqualTo(CanaryPhase.ABORTED);
            assertThat(r.abortReason().gate()).as(r.abortReason().text()).isIn(VOLUME_GATES);
            assertThat(r.gates()).filteredOn(g -> g.gate() == Gate.RESTARTS).singleElement()
                    .satisfies(g -> assertThat(g.measured()).startsWith("0 restarts"));
            assertThat(Duration.between(t0, fx.demo.clock().instant())).isLessThan(Duration.ofMinutes(30));
        }
    }

    @Test
    void aHealthyImageIsNotTakenForAFillingOneByADriverOnASlowerClock() throws Exception {
        fx = new CanaryDemoFixture(state, 18);
        WorkloadRef shared = fx.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
        fx.capturePlan(shared, true);
        Clock wall = new SlowerClock(fx.demo.clock(), 60);
        try (CanarySession cli = fx.sessionOn(wall)) {
            cli.engine().start(shared, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), null,
                    Duration.ofMinutes(1), null), YES);

            CanaryRecord r = fx.drive(cli.engine(), shared, Duration.ofMinutes(30), Duration.ofMinutes(5));

            assertThat(r.phase()).as(r.gates().toString()).isEqualTo(CanaryPhase.RUNNING);
            assertThat(r.gates()).filteredOn(g -> VOLUME_GATES.contains(g.gate().name()))
                    .allSatisfy(g -> assertThat(g.verdict()).as(g.toString()).isEqualTo(GateReading.Verdict.PASS));
        }
    }

    @Test
    void anImageWhoseRunsFailIsAbortedByTheFailureRateGate() throws Exception {
        fx = new CanaryDemoFixture(state, 12);
        WorkloadRef shared = fx.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
        fx.capturePlan(shared, true);
        CanaryEngine engine = fx.engine();
        engine.start(shared, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1-bad-runs", Map.of(), null,
                Duration.ofMinutes(10), null), YES);

        CanaryRecord r = fx.drive(engine, shared, Duration.ofMinutes(40));

        assertThat(r.phase()).as(r.gates() + "\n" + r.timeline()).isEqualTo(CanaryPhase.ABORTED);
        assertThat(r.abortReason().gate()).isEqualTo(Gate.FAILURE_RATE.name());
        assertThat(r.abortReason().measured()).contains("canary").contains("stable");
        System.out.println(r.abortReason().text());
        assertThat(fx.object(shared, r.canaryName())).isNull();
        assertThat(fx.image(shared)).isEqualTo(STABLE);
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS);
    }

    @Test
    void aGoodImageIsPromotedToEveryPodAndTheCanaryRemoved() throws Exception {
        fx = new CanaryDemoFixture(state, 13);
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        fx.capturePlan(acme, true);
        CanaryEngine engine = fx.engine();
        String good = CanaryDemoFixture.REPOSITORY + "0.88.1";
        engine.start(acme, new CanarySettings(good, Map.of(), List.of(50, 100), Duration.ofMinutes(5), FEW_RUNS),
                YES);

        CanaryRecord r = fx.drive(engine, acme, Duration.ofMinutes(60));

        assertThat(r.phase()).as(r.timeline().toString()).isEqualTo(CanaryPhase.PROMOTED);
        assertThat(fx.object(acme, r.canaryName())).isNull();
        assertThat(fx.image(acme)).isEqualTo(good);
        assertThat(fx.replicas(acme)).isEqualTo(DemoFleet.DEDICATED_REPLICAS);
        assertThat(r.timeline()).extracting(e -> e.text()).anyMatch(t -> t.startsWith("held step 1 of 2"))
                .anyMatch(t -> t.startsWith("promoting")).anyMatch(t -> t.startsWith("promoted"));
        assertThat(fx.backends.auditLog().entries()).extracting(AuditEntry::action)
                .containsSubsequence("canary.started", "canary.step", "canary.promoting", "canary.promoted");
    }

    @Test
    void aRestartedEngineResumesTheCanaryWhereItWas() throws Exception {
        fx = new CanaryDemoFixture(state, 14);
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        fx.capturePlan(acme, true);
        String good = CanaryDemoFixture.REPOSITORY + "0.88.2";
        fx.engine().start(acme, new CanarySettings(good, Map.of(), List.of(50, 100), Duration.ofMinutes(5),
                FEW_RUNS), YES);
        CanaryRecord before = fx.drive(fx.engine(), acme, Duration.ofMinutes(3));
        fx.engine().pause(acme, YES);
        demoAdvance(Duration.ofMinutes(2));

        CanaryEngine restarted = fx.restart();
        CanaryRecord found = restarted.find(acme).orElseThrow();
        assertThat(found.phase()).isEqualTo(CanaryPhase.PAUSED);
        assertThat(found.step()).isEqualTo(before.step());
        assertThat(found.startedAt()).isEqualTo(before.startedAt());
        assertThat(found.settings()).isEqualTo(before.settings());
        restarted.resume(acme, YES);

        CanaryRecord r = fx.drive(restarted, acme, Duration.ofMinutes(60));
        assertThat(r.phase()).as(r.timeline().toString()).isEqualTo(CanaryPhase.PROMOTED);
        assertThat(r.timeline()).extracting(e -> e.text()).anyMatch(t -> t.startsWith("started"))
                .anyMatch(t -> t.startsWith("paused")).anyMatch(t -> t.startsWith("resumed"));
        assertThat(fx.image(acme)).isEqualTo(good);
    }

    @Test
    void anAbortAfterPromotionBeganRollsTheWorkloadBack() throws Exception {
        fx = new CanaryDemoFixture(state, 15);
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        fx.capturePlan(acme, true);
        CanaryEngine engine = fx.engine();
        engine.start(acme, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.3", Map.of(), List.of(50, 100),
                Duration.ofMinutes(5), null), YES);
        demoAdvance(Duration.ofMinutes(1));
        assertThat(engine.promote(acme, YES).phase()).isEqualTo(CanaryPhase.PROMOTING);
        demoAdvance(Duration.ofMinutes(1));

        CanaryRecord r = engine.abort(acme, YES);

        assertThat(r.phase()).isEqualTo(CanaryPhase.ABORTED);
        assertThat(r.abortReason().gate()).isEqualTo("manual");
        assertThat(r.timeline()).extracting(e -> e.text()).anyMatch(t -> t.startsWith("rolled back to revision"));
        assertThat(fx.image(acme)).isEqualTo(STABLE);
        assertThat(fx.object(acme, r.canaryName())).isNull();
        assertThat(fx.backends.auditLog().entries()).extracting(AuditEntry::action)
                .contains("rollback.executed", "canary.aborted");
    }

    @Test
    void withoutATestedRollbackPlanTheCanaryIsRefusedAndNothingChanges() throws Exception {
        fx = new CanaryDemoFixture(state, 16);
        WorkloadRef acme = fx.workload(DemoFleet.namespaceOf("acme"), DemoFleet.workloadOf("acme"));
        CanarySettings settings = new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1", Map.of(), null, null,
                null);

        assertThatThrownBy(() -> fx.engine().start(acme, settings, YES)).isInstanceOf(CanaryRefused.class)
                .hasMessageContaining("no rollback plan captured")
                .hasMessageContaining("pitwall rollback plan " + acme.name() + " --namespace " + acme.namespace());
        fx.capturePlan(acme, false);
        assertThatThrownBy(() -> fx.engine().start(acme, settings, YES)).isInstanceOf(CanaryRefused.class)
                .hasMessageContaining("has not passed a test").hasMessageContaining("pitwall rollback test ");

        assertThat(fx.object(acme, CanaryCluster.canaryName(acme))).isNull();
        assertThat(fx.image(acme)).isEqualTo(STABLE);
        assertThat(fx.replicas(acme)).isEqualTo(DemoFleet.DEDICATED_REPLICAS);
        assertThat(fx.backends.auditLog().entries()).extracting(AuditEntry::action).contains("canary.refused")
                .doesNotContain("canary.started");
    }

    /** Failure rates judged after 5 canary runs: the dedicated queues see a few runs a minute. */
    private static final GateThresholds FEW_RUNS = new GateThresholds(10, 5, 2, 20, Duration.ofHours(2),
            Duration.ofMinutes(3), 500);

    private void demoAdvance(Duration d) {
        fx.demo.advance(d);
    }
}
