package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust without a policy: each group is compared with its own revision history, on an in-memory cluster shaped like
 * the demo's flipped customer (untrusted for weeks, trusted since an env change carried by the next release, then a
 * namespace migration to SANDBOX_CODE_ONLY).
 */
class TrustHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final WorkloadRef GLOBEX = FakeTrustCluster.deployment("ap-dedicated-globex", "worker-globex");
    private static final String MIGRATION = "namespace migration to ap-dedicated-globex";

    private final FakeTrustCluster cluster = new FakeTrustCluster();
    private final TrustEngine engine = new TrustEngine(cluster, cluster, null, Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<WorkloadRevision> history = new ArrayList<>();

    private void revision(long number, Duration ago, String cause, String tag, String mode) {
        history.add(new WorkloadRevision(number, ago == null ? null : NOW.minus(ago), cause, "img:" + tag,
                DeclaredEnv.value(mode)));
    }

    /** Revisions 1-4 of the demo's flipped customer: untrusted on two releases, then trusted on two. */
    private void healthyHistory() {
        revision(1, Duration.ofDays(41), "helm upgrade 0.86.1", "0.86.1", "SANDBOX_CODE_AND_PROCESS");
        revision(2, Duration.ofDays(19), "helm upgrade 0.87.0", "0.87.0", "SANDBOX_CODE_AND_PROCESS");
        revision(3, Duration.ofDays(12), "kubectl set env AP_EXECUTION_MODE=SANDBOX_PROCESS", "0.87.0",
                "SANDBOX_PROCESS");
        revision(4, Duration.ofDays(4), "helm upgrade 0.87.3", "0.87.3", "SANDBOX_PROCESS");
    }

    private GroupTrust globex(String declared, TrustPolicy policy) {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value(declared));
        cluster.change(GLOBEX, w -> new TrustWorkload(w.ref(), w.groupId(), w.container(), w.declared(), 0,
                w.pods(), history));
        List<GroupTrust> groups = engine.evaluate(policy).groups();
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    private GroupTrust globex(String declared) {
        return globex(declared, TrustPolicy.empty("(no policy)"));
    }

    @Test
    void aHealthyHistoryExpectsTheModeItSettledInAndDoesNotDrift() {
        healthyHistory();

        GroupTrust g = globex("SANDBOX_PROCESS");

        assertThat(g.drift()).isEmpty();
        assertThat(g.expectedText()).as("the switch 12 days ago was carried by the next release")
                .isEqualTo("SANDBOX_PROCESS (history: revisions 3-4)");
        assertThat(g.expected().fromHistory()).isTrue();
        assertThat(g.modeChange()).isNull();
    }

    @Test
    void theMigrationsFlipIsAChangeByRevisionNamingItsRevisionCauseTimeAndModesAndIsCritical() {
        healthyHistory();
        revision(5, Duration.ofMinutes(48), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");

        GroupTrust g = globex("SANDBOX_CODE_ONLY");

        assertThat(g.drift()).containsExactly(DriftKind.CHANGED_BY_REVISION);
        assertThat(g.expected().mode()).isEqualTo(ExecutionMode.SANDBOX_PROCESS);
        assertThat(g.modeChange()).isEqualTo(new ModeChange(5, NOW.minus(Duration.ofMinutes(48)), MIGRATION,
                ExecutionMode.SANDBOX_PROCESS, ExecutionMode.SANDBOX_CODE_ONLY));
        assertThat(g.critical()).as("npm is stripped where it was allowed").isTrue();
        assertThat(g.driftText()).isEqualTo("execution mode changed by revision 5 (\"" + MIGRATION + "\", "
                + NOW.minus(Duration.ofMinutes(48)) + ") changed SANDBOX_PROCESS to SANDBOX_CODE_ONLY: npm STRIPPED "
                + "from code steps");
        assertThat(g.describe()).contains("expected SANDBOX_PROCESS (history: revisions 3-4)",
                "declared SANDBOX_CODE_ONLY");
    }

    @Test
    void aRestartAfterTheFlipDoesNotSettleIt() {
        healthyHistory();
        revision(5, Duration.ofMinutes(48), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");
        revision(6, Duration.ofMinutes(10), "kubectl rollout restart", "0.87.3", "SANDBOX_CODE_ONLY");

        GroupTrust g = globex("SANDBOX_CODE_ONLY");

        assertThat(g.drift()).containsExactly(DriftKind.CHANGED_BY_REVISION);
        assertThat(g.modeChange().revision()).isEqualTo(5);
    }

    @Test
    void aFixOrRollbackBackToTheSettledModeClearsTheDrift() {
        healthyHistory();
        revision(5, Duration.ofMinutes(48), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");
        // the Deployment returns to revision 4's template: its ReplicaSet becomes revision 6, created 4 days ago
        revision(6, null, "helm upgrade 0.87.3", "0.87.3", "SANDBOX_PROCESS");

        GroupTrust g = globex("SANDBOX_PROCESS");

        assertThat(g.drift()).isEmpty();
        assertThat(g.expectedText()).isEqualTo("SANDBOX_PROCESS (history: revisions 3-4)");
    }

    @Test
    void aChangeThatStripsNothingIsAWarningNotCritical() {
        healthyHistory();
        revision(5, Duration.ofMinutes(30), "harden", "0.87.3", "SANDBOX_CODE_AND_PROCESS");

        GroupTrust g = globex("SANDBOX_CODE_AND_PROCESS");

        assertThat(g.drift()).containsExactly(DriftKind.CHANGED_BY_REVISION);
        assertThat(g.modeChange().stripsNpm()).isFalse();
        assertThat(g.critical()).isFalse();
    }

    @Test
    void withNoSettledModeTheLongestStandingOneIsExpected() {
        revision(1, Duration.ofDays(40), "create", "0.87.3", "SANDBOX_PROCESS");
        revision(2, Duration.ofDays(10), "try unsandboxed", "0.87.3", "UNSANDBOXED");
        revision(3, Duration.ofDays(9), "sandbox both", "0.87.3", "SANDBOX_CODE_AND_PROCESS");
        revision(4, Duration.ofHours(1), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");

        GroupTrust g = globex("SANDBOX_CODE_ONLY");

        assertThat(g.expectedText()).as("30 days, against 1 and 9").isEqualTo("SANDBOX_PROCESS (history: revision 1)");
        assertThat(g.modeChange()).isEqualTo(new ModeChange(4, NOW.minus(Duration.ofHours(1)), MIGRATION,
                ExecutionMode.SANDBOX_CODE_AND_PROCESS, ExecutionMode.SANDBOX_CODE_ONLY));
    }

    @Test
    void aHistoryWithOneModeOrATemplateAheadOfItsRevisionsExpectsNothing() {
        revision(1, Duration.ofDays(3), "create", "0.87.3", "SANDBOX_PROCESS");
        GroupTrust single = globex("SANDBOX_PROCESS");
        assertThat(single.expected()).isNull();
        assertThat(single.drift()).isEmpty();

        revision(2, Duration.ofMinutes(5), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");
        GroupTrust patchedBack = globex("SANDBOX_PROCESS");
        assertThat(patchedBack.drift()).as("the revision of the patch is not there yet").isEmpty();
        assertThat(patchedBack.expected()).isNull();
    }

    @Test
    void aPolicyWinsOverTheHistory() {
        healthyHistory();
        revision(5, Duration.ofMinutes(48), MIGRATION, "0.87.3", "SANDBOX_CODE_ONLY");

        GroupTrust accepted = globex("SANDBOX_CODE_ONLY", new TrustPolicy("p", Map.of("wg-globex",
                new PolicyEntry(ExecutionMode.SANDBOX_CODE_ONLY, "executionMode", null)), Map.of()));
        assertThat(accepted.drift()).isEmpty();
        assertThat(accepted.expectedText()).isEqualTo("SANDBOX_CODE_ONLY (group wg-globex)");

        GroupTrust expected = globex("SANDBOX_CODE_ONLY", new TrustPolicy("p", Map.of("wg-globex",
                new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)), Map.of()));
        assertThat(expected.drift()).containsExactly(DriftKind.EXPECTED_VS_DECLARED);
        assertThat(expected.modeChange()).isNull();
        assertThat(expected.critical()).isTrue();
    }
}
