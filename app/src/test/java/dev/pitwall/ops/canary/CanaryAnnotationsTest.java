package dev.pitwall.ops.canary;

import dev.pitwall.testing.Guards;
import dev.pitwall.ops.rollback.WorkloadRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canary's state on its annotations: enough to carry on from another machine, and the control fields win. */
class CanaryAnnotationsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");
    private static final WorkloadRef MAIN = new WorkloadRef(WorkloadRef.Kind.STATEFULSET, "ap-shared", "worker");

    private static CanaryRecord record() {
        CanarySettings settings = new CanarySettings("repo/worker:2.0", Map.of("AP_EXECUTION_MODE", "SANDBOX_PROCESS",
                "B", "x=y"), List.of(1, 50, 100), Duration.ofMinutes(7), null,
                Map.of("AP_API_KEY", new SecretKeyRef("ap-keys", "api-key")));
        return new CanaryRecord(MAIN, "worker-canary", settings, CanaryPhase.RUNNING, 1, 8, T0,
                T0.plusSeconds(600), null, 3, "plan1", 12, null, List.of(), List.of(), Guards.CLUSTER, "uid-worker");
    }

    @Test
    void aCanaryIsRebuiltFromItsAnnotationsAlone() {
        CanaryRecord rebuilt = CanaryAnnotations.rebuild(MAIN, "worker-canary", CanaryAnnotations.of(record()),
                Guards.CLUSTER, "uid-now").orElseThrow();
        assertThat(rebuilt.cluster()).isEqualTo(Guards.CLUSTER);
        assertThat(rebuilt.workloadUid()).as("the UID the canary was started on").isEqualTo("uid-worker");
        assertThat(rebuilt.settings().image()).isEqualTo("repo/worker:2.0");
        assertThat(rebuilt.settings().env()).isEqualTo(record().settings().env());
        assertThat(rebuilt.settings().envFromSecret()).isEqualTo(record().settings().envFromSecret());
        assertThat(CanaryAnnotations.of(record())).containsEntry("pitwall.dev/canary-env-from-secret",
                "AP_API_KEY=ap-keys:api-key");
        assertThat(rebuilt.settings().steps()).containsExactly(1, 50, 100);
        assertThat(rebuilt.settings().hold()).isEqualTo(Duration.ofMinutes(7));
        assertThat(rebuilt.step()).isEqualTo(1);
        assertThat(rebuilt.stepStartedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(rebuilt.mainReplicas()).isEqualTo(8);
        assertThat(rebuilt.preRevision()).isEqualTo(3);
        assertThat(rebuilt.canaryReplicas()).isEqualTo(4);
    }

    @Test
    void theClusterControlFieldsWinOverTheJournalsAndAHandEditedValueIsIgnored() {
        Instant paused = T0.plusSeconds(900);
        Map<String, String> a = new HashMap<>(CanaryAnnotations.of(record().paused(paused)));
        CanaryRecord merged = CanaryAnnotations.merge(record(), a);
        assertThat(merged.phase()).isEqualTo(CanaryPhase.PAUSED);
        assertThat(merged.pausedAt()).isEqualTo(paused);
        assertThat(merged.resumed(paused.plusSeconds(60)).stepStartedAt()).isEqualTo(T0.plusSeconds(660));

        a.put("pitwall.dev/canary-phase", "SIDEWAYS");
        assertThat(CanaryAnnotations.merge(record(), a)).isEqualTo(record());
    }

    @Test
    void literalValuesOfSecretLookingVariablesAreNamedAndAVariableIsGivenOneWayOnly() {
        CanarySettings s = new CanarySettings("i:1", Map.of("AP_API_KEY", "x", "github_token", "y", "MODE", "z"),
                null, null, null);
        assertThat(s.secretLiterals()).containsExactly("AP_API_KEY", "github_token");
        assertThatThrownBy(() -> new CanarySettings("i:1", Map.of("A", "1"), null, null, null,
                Map.of("A", new SecretKeyRef("s", "k")))).hasMessageContaining("A is given both");
    }

    @Test
    void stepsAreSharesOfTheReplicasRoundedUpSoOnePercentIsOnePod() {
        CanarySettings s = new CanarySettings("i:1", null, null, null, null);
        assertThat(List.of(0, 1, 2, 3).stream().map(i -> s.canaryReplicas(i, 8)).toList()).containsExactly(1, 2, 4, 8);
        assertThat(List.of(0, 1, 2, 3).stream().map(i -> s.canaryReplicas(i, 2)).toList()).containsExactly(1, 1, 1, 2);
        assertThatThrownBy(() -> new CanarySettings("i:1", null, List.of(50, 25), null, null))
                .hasMessageContaining("steps must rise");
        assertThat(s.versionTag()).isEqualTo("1");
    }
}
