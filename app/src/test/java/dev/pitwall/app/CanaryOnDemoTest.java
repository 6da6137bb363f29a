package dev.pitwall.app;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.ImageBehaviour;
import dev.pitwall.files.CanaryJournalFile;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.canary.CanaryEngine;
import dev.pitwall.ops.canary.CanaryPhase;
import dev.pitwall.ops.canary.CanaryRecord;
import dev.pitwall.ops.canary.CanarySettings;
import dev.pitwall.ops.canary.Gate;
import dev.pitwall.ops.canary.GateThresholds;
import dev.pitwall.ops.rollback.WorkloadRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Canaries on the demo world (sim speed 0, driven in simulated time), through the real adapters. */
class CanaryOnDemoTest {

    private static final String STABLE = CanaryDemoFixture.REPOSITORY + ImageBehaviour.STABLE_TAG;

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
    void aCacheFillingImageIsAbortedByTheVolumeGateInTheFirstStepAndTheMainWorkloadIsUntouched() throws Exception {
        fx = new CanaryDemoFixture(state, 11);
        WorkloadRef shared = fx.workload(DemoFleet.SHARED_NAMESPACE, DemoFleet.SHARED_WORKLOAD);
        fx.capturePlan(shared, true);
        CanaryEngine engine = fx.engine();
        engine.start(shared, new CanarySettings(CanaryDemoFixture.REPOSITORY + "0.88.1-bad-cache", Map.of(), null,
                Duration.ofMinutes(10), null));
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS - 1);

        CanaryRecord r = fx.drive(engine, shared, Duration.ofMinutes(30));

        assertThat(r.phase()).isEqualTo(CanaryPhase.ABORTED);
        assertThat(r.step()).isZero();
        assertThat(r.abortReason().gate()).isEqualTo(Gate.VOLUME.name());
        assertThat(r.abortReason().measured()).contains("MiB/min");
        System.out.println(r.abortReason().text());
        assertThat(fx.object(shared, r.canaryName())).isNull();
        assertThat(fx.image(shared)).isEqualTo(STABLE);
        assertThat(fx.replicas(shared)).isEqualTo(DemoFleet.SHARED_REPLICAS);
        CanaryRecord journaled = new CanaryJournalFile(state).load(shared).orElseThrow();
        assertThat(journaled.abortReason()).isEqualTo(r.abortReason());
        assertThat(fx.backends.auditLog().entries()).filteredOn(e -> e.action().equals("canary.aborted"))
                .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("gate", "VOLUME")
                        .containsKeys("measured", "threshold", "at"));
    }
}
