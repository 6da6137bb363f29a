package dev.pitwall.ui.trust;

import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.testing.Guards;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.replay.Pacer;
import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.FakeTrustCluster;
import dev.pitwall.ops.trust.PolicyEntry;
import dev.pitwall.ops.trust.PolicyFiles;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustPolicy;
import dev.pitwall.ops.trust.TrustSession;
import dev.pitwall.ops.trust.WorkloadRef;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** A small fleet for UI tests: acme matching its policy, globex flipped to SANDBOX_CODE_ONLY, both on heartbeats. */
final class TrustWorld {

    static final WorkloadRef ACME = FakeTrustCluster.deployment("ap-dedicated-acme", "activepieces-worker-acme");
    static final WorkloadRef GLOBEX = FakeTrustCluster.deployment("ap-dedicated-globex",
            "activepieces-worker-globex");
    static final TrustPolicy POLICY = new TrustPolicy("trust.yaml", Map.of(
            "wg-acme", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null),
            "wg-globex", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)), Map.of());

    final FakeTrustCluster cluster = new FakeTrustCluster();

    TrustWorld() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.42.1.10", "10.42.1.11");
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_CODE_ONLY"), "10.42.2.10", "10.42.2.11");
        beat("10.42.1.10", "SANDBOX_PROCESS");
        beat("10.42.1.11", "SANDBOX_PROCESS");
        beat("10.42.2.10", "SANDBOX_CODE_ONLY");
        beat("10.42.2.11", "SANDBOX_CODE_ONLY");
    }

    void beat(String ip, String mode) {
        cluster.beat(ip, mode, Instant.now());
    }

    /** The workers take up whatever a patch declares, as a finished rollout would. */
    void rolloutOnPatch() {
        cluster.onPatch(() -> {
            beat("10.42.2.10", "SANDBOX_PROCESS");
            beat("10.42.2.11", "SANDBOX_PROCESS");
        });
    }

    TrustSession session(AuditLog audit, boolean redis, boolean readOnly) {
        PolicyFiles files = new PolicyFiles() {
            @Override
            public PolicyLoad load(String location) {
                return PolicyLoad.loaded(location, POLICY);
            }

            @Override
            public void save(String location, String text) {
                throw new UnsupportedOperationException("not in this test");
            }
        };
        TrustSession.Ports ports = new TrustSession.Ports(cluster, cluster, redis ? cluster : null,
                "this profile has no Redis", null, null, "this profile has no platform API");
        Guards.TestConnection connection = new Guards.TestConnection();
        connection.readOnly = readOnly ? "profile test" : null;
        return new TrustSession(ports, files, "trust.yaml", audit, new WriteGuard(connection, new Guards.MemoryLocks(),
                audit, "tester", Clock.systemUTC()), Clock.systemUTC(), Pacer.system(), () -> { });
    }
}
