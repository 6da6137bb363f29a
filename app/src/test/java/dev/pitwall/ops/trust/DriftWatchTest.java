package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drift becomes one critical alert per change of state, not one per refresh. */
class DriftWatchTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final WorkloadRef GLOBEX = FakeTrustCluster.deployment("ap-dedicated-globex", "worker-globex");

    private final FakeTrustCluster cluster = new FakeTrustCluster();
    private final TrustEngine engine = new TrustEngine(cluster, cluster, null, Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> alerts = new ArrayList<>();
    private final DriftWatch watch = new DriftWatch(new DriftSink() {
        @Override
        public void raise(GroupTrust group) {
            alerts.add("RAISE " + group.describe());
        }

        @Override
        public void clear(String key, String description) {
            alerts.add("CLEAR " + key + ": " + description);
        }
    });
    private final TrustPolicy policy = new TrustPolicy("test",
            Map.of("wg-globex", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)), Map.of());

    @Test
    void driftIsRaisedOnceRaisedAgainWhenItChangesAndClearedWhenItMatches() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_CODE_ONLY"), "10.0.1.1");
        cluster.beat("10.0.1.1", "SANDBOX_PROCESS", NOW);
        watch.update(engine.evaluate(policy));
        watch.update(engine.evaluate(policy));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).startsWith("RAISE group wg-globex").contains("declared SANDBOX_CODE_ONLY");

        cluster.beat("10.0.1.1", "SANDBOX_CODE_ONLY", NOW);
        watch.update(engine.evaluate(policy));
        assertThat(alerts).as("the drift kinds changed").hasSize(2);

        cluster.change(GLOBEX, w -> new TrustWorkload(w.ref(), w.groupId(), w.container(),
                DeclaredEnv.value("SANDBOX_PROCESS"), 1, w.pods(), List.of()));
        cluster.beat("10.0.1.1", "SANDBOX_PROCESS", NOW);
        watch.update(engine.evaluate(policy));
        assertThat(alerts.get(2)).isEqualTo("CLEAR Deployment ap-dedicated-globex/worker-globex: group wg-globex "
                + "matches again");
        watch.update(engine.evaluate(policy));
        assertThat(alerts).hasSize(3);
    }
}
