package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.replay.VirtualPacer;
import dev.pitwall.testing.Guards;
import dev.pitwall.testing.MemoryAuditLog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarded change on an in-memory cluster: what blocks it, what it writes, and how following it ends. */
class TrustFixerTest {

    private static final WorkloadRef GLOBEX = FakeTrustCluster.deployment("ap-dedicated-globex", "worker-globex");
    private static final TrustPolicy POLICY = new TrustPolicy("test",
            Map.of("wg-globex", new PolicyEntry(ExecutionMode.SANDBOX_PROCESS, "executionMode", null)), Map.of());

    private final FakeTrustCluster cluster = new FakeTrustCluster();
    private final MemoryAuditLog log = new MemoryAuditLog();
    private final Guards.TestConnection connection = new Guards.TestConnection();
    private final VirtualPacer pacer = new VirtualPacer(at -> { });
    private final TrustEngine engine = new TrustEngine(cluster, cluster, null, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return pacer.now();
        }
    });

    private GroupTrust globex() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_CODE_ONLY"), "10.0.1.1", "10.0.1.2");
        cluster.beat("10.0.1.1", "SANDBOX_CODE_ONLY", pacer.now());
        cluster.beat("10.0.1.2", "SANDBOX_CODE_ONLY", pacer.now());
        return engine.evaluate(POLICY).groups().get(0);
    }

    private TrustFixer fixer(boolean readOnly) {
        connection.readOnly = readOnly ? "--read-only" : null;
        return new TrustFixer(engine, cluster, guard(), log, pacer);
    }

    private WriteGuard guard() {
        return new WriteGuard(connection, new Guards.MemoryLocks(), log, "alice", Clock.systemUTC());
    }

    /** The fix's own audit record (the guard's "about to" and "done" entries bracket it). */
    private List<AuditEntry> fixes() {
        return log.entries().stream().filter(e -> e.action().equals(TrustFixer.AUDIT_ACTION)).toList();
    }

    @Test
    void thePlanShowsTheDiffAndApplyingItPatchesAndAudits() {
        FixPlan plan = fixer(false).plan(globex(), ExecutionMode.SANDBOX_PROCESS, "alice");
        assertThat(plan.canApply()).isTrue();
        assertThat(plan.diff()).contains("Deployment ap-dedicated-globex/worker-globex, container worker",
                "  - SANDBOX_CODE_ONLY", "  + SANDBOX_PROCESS");

        assertThat(plan.confirmation()).as("off production, the namespace").isEqualTo("ap-dedicated-globex");
        Instant at = fixer(false).apply(plan, Confirmer.typed("ap-dedicated-globex"));
        assertThat(cluster.patches).containsExactly("Deployment ap-dedicated-globex/worker-globex worker "
                + "SANDBOX_CODE_ONLY -> SANDBOX_PROCESS (pitwall trust fix by alice: AP_EXECUTION_MODE "
                + "SANDBOX_CODE_ONLY -> SANDBOX_PROCESS)");
        assertThat(log.actions()).containsExactly("trust.fix.about-to", TrustFixer.AUDIT_ACTION, "trust.fix.done");
        AuditEntry entry = fixes().get(0);
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.at()).isEqualTo(at);
        assertThat(entry.action()).isEqualTo(TrustFixer.AUDIT_ACTION);
        assertThat(entry.details()).containsEntry("before", "SANDBOX_CODE_ONLY")
                .containsEntry("after", "SANDBOX_PROCESS").containsEntry("group", "wg-globex");
    }

    @Test
    void aWrongConfirmationAReadOnlyProfileOrADeniedReviewChangeNothing() {
        GroupTrust group = globex();
        FixPlan plan = fixer(false).plan(group, ExecutionMode.SANDBOX_PROCESS, "alice");
        assertThat(plan.confirmationProblem("ap-dedicated-acme"))
                .isEqualTo("'ap-dedicated-acme' is not ap-dedicated-globex: type it exactly");
        assertThatThrownBy(() -> fixer(false).apply(plan, Confirmer.typed("ap-dedicated-acme")))
                .isInstanceOf(WriteRefused.class).hasMessage("refused: not confirmed: 'ap-dedicated-acme' is not "
                        + "ap-dedicated-globex (type it exactly)");

        FixPlan readOnly = fixer(true).plan(group, ExecutionMode.SANDBOX_PROCESS, "alice");
        assertThat(readOnly.blockedReason()).isEqualTo("read-only connection (--read-only): no change is offered");
        assertThatThrownBy(() -> fixer(true).apply(plan, Confirmer.yes())).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: read-only connection (--read-only)");

        cluster.access = AccessDecision.deny("patch on deployments in namespace ap-dedicated-globex is not allowed");
        FixPlan denied = fixer(false).plan(group, ExecutionMode.SANDBOX_PROCESS, "alice");
        assertThat(denied.canApply()).isFalse();
        assertThat(denied.blockedReason()).contains("is not allowed");
        assertThatThrownBy(() -> fixer(false).apply(denied, Confirmer.yes()))
                .isInstanceOf(TrustChangeException.class);

        cluster.access = AccessDecision.allow();
        FixPlan allowedThen = fixer(false).plan(group, ExecutionMode.SANDBOX_PROCESS, "alice");
        cluster.access = AccessDecision.deny("revoked");
        assertThatThrownBy(() -> fixer(false).apply(allowedThen, Confirmer.yes()))
                .hasMessageContaining("revoked");

        assertThat(cluster.patches).isEmpty();
        assertThat(fixes()).isEmpty();
        assertThat(log.actions()).doesNotContain("trust.fix.about-to");
    }

    @Test
    void aWorkloadRecreatedSinceThePlanIsAnotherTargetAndProductionAsksForItsFullName() {
        FixPlan plan = fixer(false).plan(globex(), ExecutionMode.SANDBOX_PROCESS, "alice");
        cluster.recreate(GLOBEX);
        assertThatThrownBy(() -> fixer(false).apply(plan, Confirmer.yes())).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: Deployment ap-dedicated-globex/worker-globex was deleted and recreated since it "
                        + "was read (UID uid-worker-globex, now uid-worker-globex-again): review the change again");
        assertThat(cluster.patches).isEmpty();

        connection.production = true;
        FixPlan production = new TrustFixer(engine, cluster, guard(), log, pacer).plan(globex(),
                ExecutionMode.SANDBOX_PROCESS, "alice");
        assertThat(production.confirmation()).isEqualTo("a/ap-dedicated-globex/worker-globex");
        assertThatThrownBy(() -> new TrustFixer(engine, cluster, guard(), log, pacer).apply(production,
                Confirmer.typed("ap-dedicated-globex"))).isInstanceOf(WriteRefused.class);
        new TrustFixer(engine, cluster, guard(), log, pacer).apply(production, Confirmer.yes());
        assertThat(log.entries()).filteredOn(e -> e.action().equals("trust.fix.about-to")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("confirmation", "--yes"));
    }

    @Test
    void followingEndsWhenEveryPodReportsTheNewMode() throws Exception {
        FixPlan plan = fixer(false).plan(globex(), ExecutionMode.SANDBOX_PROCESS, "alice");
        fixer(false).apply(plan, Confirmer.yes());
        List<String> seen = new ArrayList<>();
        VirtualPacer rolling = new VirtualPacer(at -> {
            // the rollout: one pod a poll reports the new mode
            if (seen.size() == 1) {
                cluster.beat("10.0.1.1", "SANDBOX_PROCESS", pacer.now());
            } else if (seen.size() == 2) {
                cluster.beat("10.0.1.2", "SANDBOX_PROCESS", pacer.now());
            }
        });
        Convergence result = new TrustFixer(engine, cluster, guard(), log, rolling)
                .follow(plan, POLICY, Duration.ofMinutes(1), p -> seen.add(p.text()));
        assertThat(result.converged()).as(result.message()).isTrue();
        assertThat(seen).containsExactly(
                "0 of 2 pods report SANDBOX_PROCESS; waiting for worker-globex-0 reports SANDBOX_CODE_ONLY, "
                        + "worker-globex-1 reports SANDBOX_CODE_ONLY",
                "1 of 2 pods report SANDBOX_PROCESS; waiting for worker-globex-1 reports SANDBOX_CODE_ONLY",
                "2 of 2 pods report SANDBOX_PROCESS");
    }

    @Test
    void followingFailsClearlyWhenThePodsNeverReportTheNewModeInTime() throws Exception {
        FixPlan plan = fixer(false).plan(globex(), ExecutionMode.SANDBOX_PROCESS, "alice");
        fixer(false).apply(plan, Confirmer.yes());
        Convergence result = fixer(false).follow(plan, POLICY, Duration.ofSeconds(30), p -> { });
        assertThat(result.converged()).isFalse();
        assertThat(pacer.elapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.message()).isEqualTo("not every pod reports SANDBOX_PROCESS after 30 s: 0 of 2 pods "
                + "report SANDBOX_PROCESS; waiting for worker-globex-0 reports SANDBOX_CODE_ONLY, worker-globex-1 "
                + "reports SANDBOX_CODE_ONLY");
    }

    @Test
    void aValueFromElsewhereOrAlreadyTheTargetIsNotPatched() {
        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.unreadable("ConfigMap modes key mode (not read)"), "10.0.1.1");
        GroupTrust fromConfigMap = engine.evaluate(POLICY).groups().get(0);
        assertThat(fixer(false).plan(fromConfigMap, ExecutionMode.SANDBOX_PROCESS, "a").blockedReason())
                .contains("comes from ConfigMap modes key mode (not read): change it there");

        cluster.add(GLOBEX, "wg-globex", DeclaredEnv.value("SANDBOX_PROCESS"), "10.0.1.1");
        GroupTrust same = engine.evaluate(POLICY).groups().get(0);
        assertThat(fixer(false).plan(same, ExecutionMode.SANDBOX_PROCESS, "a").blockedReason())
                .isEqualTo("Deployment ap-dedicated-globex/worker-globex already declares SANDBOX_PROCESS");
    }
}
