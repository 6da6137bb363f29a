package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected, declared and effective side by side, on an in-memory cluster: every drift kind and every bad input. */
class TrustEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final WorkloadRef ACME = FakeTrustCluster.deployment("ap-dedicated-acme", "worker-acme");
    private static final WorkloadRef GLOBEX = FakeTrustCluster.deployment("ap-dedicated-globex", "worker-globex");

    private final FakeTrustCluster cluster = new FakeTrustCluster();
    private final TrustEngine engine = new TrustEngine(cluster, cluster, null, Clock.fixed(NOW, ZoneOffset.UTC));

    private static TrustPolicy expect(String group, ExecutionMode mode) {
        return new TrustPolicy("test", Map.of(group, new PolicyEntry(mode, "executionMode", null)), Map.of());
    }

    private GroupTrust only(TrustPolicy policy) {
        List<GroupTrust> groups = engine.evaluate(policy).groups();
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    @Test
    void aGroupWhosePodsRunWhatThePolicyExpectsHasNoDrift() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.0.1", "10.0.0.2");
        cluster.beat("10.0.0.1", "SANDBOX_PROCESS", NOW);
        cluster.beat("10.0.0.2", "SANDBOX_PROCESS", NOW);

        GroupTrust g = only(expect("wg-acme", ExecutionMode.SANDBOX_PROCESS));
        assertThat(g.drift()).isEmpty();
        assertThat(g.expectedText()).isEqualTo("SANDBOX_PROCESS (group wg-acme)");
        assertThat(g.declaredText()).isEqualTo("SANDBOX_PROCESS");
        assertThat(g.effectiveText()).isEqualTo("SANDBOX_PROCESS");
        assertThat(g.npmAllowed()).isTrue();
    }

    @Test
    void aFlippedDeclarationIsExpectedVersusDeclaredDriftAndStripsNpm() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_CODE_ONLY"), "10.0.1.1");
        cluster.beat("10.0.1.1", "SANDBOX_CODE_ONLY", NOW);

        GroupTrust g = only(expect("wg-globex", ExecutionMode.SANDBOX_PROCESS));
        assertThat(g.drift()).containsExactly(DriftKind.EXPECTED_VS_DECLARED);
        assertThat(g.npmAllowed()).isFalse();
        assertThat(g.describe()).contains("group wg-globex", "expected SANDBOX_PROCESS", "declared SANDBOX_CODE_ONLY",
                "effective SANDBOX_CODE_ONLY", "declared differs from expected");
    }

    @Test
    void podsReportingAnotherModeThanDeclaredAreDeclaredVersusEffectiveDrift() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.1.1", "10.0.1.2");
        cluster.beat("10.0.1.1", "SANDBOX_CODE_ONLY", NOW);
        cluster.beat("10.0.1.2", "SANDBOX_CODE_ONLY", NOW);

        GroupTrust g = only(expect("wg-globex", ExecutionMode.SANDBOX_PROCESS));
        assertThat(g.drift()).containsExactly(DriftKind.DECLARED_VS_EFFECTIVE);
        assertThat(g.npmAllowed()).as("what the pods run decides").isFalse();
    }

    @Test
    void podsOfOneGroupReportingDifferentModesAreFlaggedMixed() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.unreadable("Secret modes key mode (not read)"),
                "10.0.1.1", "10.0.1.2");
        cluster.beat("10.0.1.1", "SANDBOX_PROCESS", NOW);
        cluster.beat("10.0.1.2", "SANDBOX_CODE_ONLY", NOW);

        GroupTrust g = only(TrustPolicy.empty("none"));
        assertThat(g.drift()).containsExactly(DriftKind.MIXED_EFFECTIVE);
        assertThat(g.mixed()).isTrue();
        assertThat(g.effectiveText()).isEqualTo("SANDBOX_PROCESS, SANDBOX_CODE_ONLY");
        assertThat(g.declaredText()).isEqualTo("unknown: Secret modes key mode (not read)");
        assertThat(g.npmAllowed()).isFalse();
    }

    @Test
    void unknownModeStringsAreReportedAsUnknownNeverTakenForADefault() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_EVERYTHING"), "10.0.1.1");
        cluster.beat("10.0.1.1", "sandbox_process", NOW);

        GroupTrust g = only(expect("wg-globex", ExecutionMode.UNSANDBOXED));
        assertThat(g.declared().isKnown()).isFalse();
        assertThat(g.declaredText()).isEqualTo("unknown: 'SANDBOX_EVERYTHING'");
        assertThat(g.declaredDefaulted()).isFalse();
        assertThat(g.effectiveText()).isEqualTo("unknown: 'sandbox_process'");
        assertThat(g.drift()).containsExactlyInAnyOrder(DriftKind.EXPECTED_VS_DECLARED,
                DriftKind.DECLARED_VS_EFFECTIVE);
        assertThat(g.npmAllowed()).as("no mode is known").isNull();
    }

    @Test
    void theOldNameSandboxedIsSandboxProcessAndAnUnsetVariableIsTheMarkedAppDefault() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOXED"), "10.0.0.1");
        cluster.beat("10.0.0.1", "SANDBOX_PROCESS", NOW);
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.unset(), "10.0.1.1");
        cluster.beat("10.0.1.1", "UNSANDBOXED", NOW);

        List<GroupTrust> groups = engine.evaluate(expect("wg-acme", ExecutionMode.SANDBOX_PROCESS)).groups();
        GroupTrust acme = groups.get(0);
        assertThat(acme.drift()).isEmpty();
        assertThat(acme.declaredText()).isEqualTo("SANDBOX_PROCESS (written SANDBOXED)");
        GroupTrust globex = groups.get(1);
        assertThat(globex.declaredDefaulted()).isTrue();
        assertThat(globex.declaredText()).isEqualTo("UNSANDBOXED (default: AP_EXECUTION_MODE not set)");
        assertThat(globex.drift()).isEmpty();
        assertThat(globex.expected()).as("not in the policy").isNull();
    }

    @Test
    void aPolicyNamingAGroupOrNamespaceThatDoesNotExistIsReported() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.0.1");
        cluster.beat("10.0.0.1", "SANDBOX_PROCESS", NOW);
        TrustPolicy policy = new TrustPolicy("test",
                Map.of("wg-acme", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null),
                        "wg-initech", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)),
                Map.of("ap-legacy", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "trustedEnvironment: true", null)));

        TrustReport report = engine.evaluate(policy);
        assertThat(report.groups()).hasSize(3);
        assertThat(report.drifts()).extracting(GroupTrust::title)
                .containsExactlyInAnyOrder("group wg-initech", "namespace ap-legacy");
        GroupTrust missing = report.drifts().stream().filter(g -> "wg-initech".equals(g.group())).findFirst()
                .orElseThrow();
        assertThat(missing.drift()).containsExactly(DriftKind.NOT_IN_CLUSTER);
        assertThat(missing.inCluster()).isFalse();
        assertThat(missing.describe()).isEqualTo("group wg-initech: the policy expects SANDBOX_PROCESS (group "
                + "wg-initech), but no worker workload of it is in the cluster");
        GroupTrust legacy = report.drifts().stream().filter(g -> g.group() == null).findFirst().orElseThrow();
        assertThat(legacy.expectedText()).isEqualTo("SANDBOX_PROCESS (namespace ap-legacy, trustedEnvironment: true)");
    }

    @Test
    void heartbeatsWithoutWorkerPropsOrMissingOrStaleShowWhyAndAreNotTakenForAnotherMode() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.0.1", "10.0.0.2", "10.0.0.3",
                null);
        cluster.beat("10.0.0.1", null, NOW);
        cluster.beat("10.0.0.3", "SANDBOX_CODE_ONLY", NOW.minusSeconds(300));
        cluster.heartbeats.put("broken", new Heartbeat("broken", null, null, null, "heartbeat is not JSON"));

        TrustReport report = engine.evaluate(expect("wg-acme", ExecutionMode.SANDBOX_PROCESS));
        GroupTrust g = report.groups().get(0);
        assertThat(g.pods()).extracting(p -> p.effective().text()).containsExactly(
                "unknown: heartbeat has no workerProps", "unknown: no heartbeat",
                "unknown: last heartbeat 300 s ago (offline)", "unknown: pod has no IP yet");
        assertThat(g.drift()).isEmpty();
        assertThat(report.notes()).containsExactly(
                "1 heartbeat(s) cannot be joined to a pod (first: broken: heartbeat is not JSON)");
    }

    @Test
    void theNewestHeartbeatOfAnIpWinsAndTerminatingPodsDoNotCount() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.0.1");
        cluster.change(ACME, w -> new TrustWorkload(w.ref(), w.groupId(), w.container(), w.declared(), 1,
                List.of(w.pods().get(0), new WorkerPod("old-pod", "10.0.0.9", true)), List.of()));
        cluster.heartbeats.put("old", new Heartbeat("old", "10.0.0.1", NOW.minusSeconds(20), "SANDBOX_CODE_ONLY",
                null));
        cluster.heartbeats.put("new", new Heartbeat("new", "10.0.0.1", NOW.minusSeconds(5), "SANDBOX_PROCESS", null));
        cluster.beat("10.0.0.9", "SANDBOX_CODE_ONLY", NOW);

        GroupTrust g = only(TrustPolicy.empty("none"));
        assertThat(g.pods()).extracting(PodTrust::workerId).containsExactly("new");
        assertThat(g.drift()).isEmpty();
    }

    @Test
    void withoutRedisEveryPodSaysItsModeWasNotRead() {
        TrustEngine noRedis = new TrustEngine(cluster, null, "this profile has no Redis",
                Clock.fixed(NOW, ZoneOffset.UTC));
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.0.1");

        TrustReport report = noRedis.evaluate(expect("wg-acme", ExecutionMode.SANDBOX_PROCESS));
        assertThat(report.groups().get(0).effectiveText()).isEqualTo("unknown: heartbeats not read");
        assertThat(report.drifting()).isFalse();
        assertThat(report.notes()).containsExactly("effective modes not read: this profile has no Redis");
    }

    @Test
    void theLastChangeIsTheRevisionWhereTheDeclaredValueTookItsCurrentValue() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_CODE_ONLY"));
        Instant t = Instant.parse("2026-11-27T22:00:00Z");
        List<WorkloadRevision> history = List.of(
                new WorkloadRevision(1, t, "initial", "img:0.87.2", DeclaredEnv.value("SANDBOX_PROCESS")),
                new WorkloadRevision(2, t.plusSeconds(60), "upgrade", "img:0.87.3",
                        DeclaredEnv.value("SANDBOX_PROCESS")),
                new WorkloadRevision(4, t.plusSeconds(720), "resize", "img:0.87.3",
                        DeclaredEnv.value("SANDBOX_CODE_ONLY")),
                new WorkloadRevision(3, t.plusSeconds(600), "namespace migration", "img:0.87.3",
                        DeclaredEnv.fromConfigMap("SANDBOX_CODE_ONLY", "cm", "mode")));
        cluster.change(GLOBEX, w -> new TrustWorkload(w.ref(), w.groupId(), w.container(), w.declared(), 0,
                w.pods(), history));

        RevisionChange change = only(TrustPolicy.empty("none")).lastChange();
        assertThat(change).isEqualTo(new RevisionChange(3, t.plusSeconds(600), "namespace migration", "img:0.87.3"));
    }

    @Test
    void aGroupsOwnEntryWinsOverItsNamespacesAndTrustedEnvironmentMapsToItsMode() {
        cluster.add(ACME, "wg-acme", DeclaredEnv.value("SANDBOX_CODE_AND_PROCESS"));
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_PROCESS"));
        TrustPolicy policy = new TrustPolicy("test",
                Map.of("wg-acme", new PolicyEntry(ExecutionMode.fromTrustedEnvironment(false),
                        "trustedEnvironment: false", null)),
                Map.of("ap-dedicated-acme", new PolicyEntry(ExecutionMode.UNSANDBOXED, "executionMode", null),
                        "ap-dedicated-globex", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)));

        TrustReport report = engine.evaluate(policy);
        assertThat(report.drifting()).isFalse();
        assertThat(report.groups()).extracting(GroupTrust::expectedText).containsExactly(
                "SANDBOX_CODE_AND_PROCESS (group wg-acme, trustedEnvironment: false)",
                "SANDBOX_PROCESS (namespace ap-dedicated-globex)");
    }
}
