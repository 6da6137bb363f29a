package dev.pitwall.ui.rollback;

import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.testing.Guards;
import dev.pitwall.files.HashChainedAuditLog;
import dev.pitwall.files.RollbackPlanFiles;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.exec.DirectExecutor;
import dev.pitwall.ops.rollback.CacheVolumes;
import dev.pitwall.ops.rollback.ModePolicy;
import dev.pitwall.ops.rollback.PodState;
import dev.pitwall.ops.rollback.Preflight;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.RolloutStatus;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.rollback.WorkloadState;
import dev.pitwall.ui.queues.FxHandoff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's model without a stage, on a cluster where the target revision crash-loops on one pod: verification
 * names the failing checks and the pod, offers go forward or stay, and both decisions are audited.
 */
class RollbackWizardViewModelTest {

    private static final WorkloadRef WORKERS = new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, "ap-acme", "workers");
    private static final String GOOD = "ghcr.io/activepieces/activepieces:0.87.3";
    private static final String BAD = "ghcr.io/activepieces/activepieces:0.88.0";

    @TempDir
    Path dir;
    private static final String TYPED = "a/ap-acme/workers";

    private final TwoRevisions cluster = new TwoRevisions();
    /** A production connection (the typed confirmation is asked), unless a test makes it read-only. */
    private final Guards.TestConnection connection = new Guards.TestConnection();
    private HashChainedAuditLog audit;
    private RollbackWizardViewModel model;

    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        // an operation is a javafx Task, whose own progress properties need the toolkit even when run on this
        // thread; started the TestFX way, so that the UI tests after this one find it as they expect
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void wizard() {
        model = wizard(w -> List.of());
    }

    private RollbackWizardViewModel wizard(CacheVolumes volumes) {
        return wizard(volumes, new DirectExecutor());
    }

    private RollbackWizardViewModel wizard(CacheVolumes volumes, DirectExecutor executor) {
        audit = new HashChainedAuditLog(dir.resolve("audit.jsonl"));
        Clock clock = Clock.systemUTC();
        connection.production = true;
        WriteGuard guard = new WriteGuard(connection, new Guards.MemoryLocks(), audit, "alice", clock);
        RollbackRunner runner = new RollbackRunner(cluster, null, guard, audit, "alice", clock);
        RollbackWizardViewModel.Ports ports = new RollbackWizardViewModel.Ports(() -> List.of(WORKERS),
                new RollbackPlanner(cluster, Guards.CLUSTER, clock), runner,
                new Preflight(runner, volumes, ModePolicy.none()), new RollbackPlanFiles(dir), guard,
                new RollbackWizardViewModel.Verify(Duration.ZERO, Duration.ofSeconds(1), d -> { }), at -> { });
        return new RollbackWizardViewModel(ports, executor, FxHandoff.immediate(), Runnable::run,
                "alice", ZoneOffset.UTC);
    }

    private void rollBackAndFailVerification() {
        model.load();
        assertThat(model.workloads()).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(2);
            assertThat(r.images()).isEqualTo(BAD);
        });
        model.workloadProperty().set(model.workloads().get(0));
        model.chooseWorkload();
        assertThat(model.stepProperty().get()).isEqualTo(RollbackWizardViewModel.Step.TARGET);
        assertThat(model.targetProperty().get().number()).as("the previous revision by default").isEqualTo(1);
        assertThat(model.diff()).singleElement().satisfies(d -> assertThat(d.before() + " -> " + d.after())
                .isEqualTo(BAD + " -> " + GOOD));
        model.runPreflight();
        assertThat(model.preflight()).noneMatch(CheckRow::failed);
        model.toConfirm();
        assertThat(model.canExecuteProperty().get()).isFalse();
        model.access().typedProperty().set(TYPED);
        model.execute();
    }

    @Test
    void aFailedVerificationNamesTheCheckAndThePodsAndStayingIsAudited() {
        rollBackAndFailVerification();

        assertThat(model.stepProperty().get()).isEqualTo(RollbackWizardViewModel.Step.SUMMARY);
        assertThat(model.verifiedProperty().get()).isFalse();
        assertThat(model.verification()).filteredOn(CheckRow::failed).extracting(CheckRow::check, CheckRow::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rollout", "1 updated, 1 ready, 1 available of "
                                + "2 desired"),
                        org.assertj.core.groups.Tuple.tuple("crash-loops", "workers-7f9c-b2"),
                        org.assertj.core.groups.Tuple.tuple("not ready", "workers-7f9c-b2"));
        assertThat(model.verification()).filteredOn(r -> !r.failed()).extracting(CheckRow::state)
                .containsOnly(CheckRow.PASSED);
        assertThat(model.outcomeProperty().get()).startsWith("\u2716 Verification failed: ")
                .contains("crash-loops: workers-7f9c-b2")
                .contains("Go forward again to revision 2, or stay on revision 1");
        assertThat(model.decisionOfferedProperty().get()).isTrue();

        model.stay();
        assertThat(model.decisionOfferedProperty().get()).isFalse();
        assertThat(model.outcomeProperty().get()).startsWith("\u26A0 Staying on revision 1");
        AuditEntry stay = audit.entries().get(audit.entries().size() - 1);
        assertThat(stay.action()).isEqualTo("rollback.stay");
        assertThat(stay.actor()).isEqualTo("alice");
        assertThat(stay.details()).containsEntry("from", "2").containsEntry("to", "1");
        assertThat(stay.details().get("failures")).contains("crash-loops: workers-7f9c-b2");
        assertThat(audit.entries()).extracting(AuditEntry::action).containsSubsequence("rollback.plan.captured",
                "rollback.confirmed", "rollback.executed", "rollback.verification-failed", "rollback.stay");
    }

    @Test
    void goingForwardAgainRollsBackToTheRevisionWeCameFromAndVerifiesIt() {
        rollBackAndFailVerification();

        // a production connection: going forward writes too, so <context>/<namespace>/<workload> is typed again
        assertThat(model.canGoForwardProperty().get()).isFalse();
        model.goForward();
        assertThat(cluster.current).as("nothing written without the typed name").isEqualTo(1);
        assertThat(model.messageProperty().get()).contains("type " + TYPED + " exactly");
        assertThat(model.decisionOfferedProperty().get()).isTrue();
        model.forwardTypedProperty().set(TYPED);
        assertThat(model.canGoForwardProperty().get()).isTrue();

        model.goForward();
        assertThat(cluster.current).as("the template of the revision we came from is back").isEqualTo(2);
        assertThat(model.verifiedProperty().get()).isTrue();
        assertThat(model.outcomeProperty().get()).startsWith("\u2714 Verified: deployment ap-acme/workers runs "
                + "revision 2");
        assertThat(model.decisionOfferedProperty().get()).isFalse();
        List<AuditEntry> entries = audit.entries();
        assertThat(entries).extracting(AuditEntry::action).containsSubsequence("rollback.verification-failed",
                "rollback.go-forward", "rollback.executed", "rollback.verified");
        AuditEntry forward = entries.stream().filter(e -> e.action().equals("rollback.go-forward")).findFirst()
                .orElseThrow();
        assertThat(forward.details()).containsEntry("from", "2").containsEntry("to", "1");
        assertThat(forward.details().get("failures")).contains("not ready: workers-7f9c-b2");
    }

    @Test
    void theFirstStepFollowsTheWorkloadsRevisionsAndKeepsTheChoice() {
        DirectExecutor executor = new DirectExecutor();
        RollbackWizardViewModel followed = wizard(w -> List.of(), executor);
        followed.follow(Duration.ofSeconds(15));
        followed.load();
        followed.workloadProperty().set(followed.workloads().get(0));
        cluster.current = 1; // rolled back by someone else meanwhile
        executor.runScheduled();
        assertThat(followed.workloads()).singleElement().satisfies(r -> assertThat(r.revision()).isEqualTo(1));
        assertThat(followed.workloadProperty().get()).as("still chosen, as just read")
                .isSameAs(followed.workloads().get(0));

        followed.chooseWorkload();
        cluster.current = 2;
        executor.runScheduled();
        assertThat(followed.workloads().get(0).revision()).as("past the first step, the list stays put")
                .isEqualTo(1);
    }

    @Test
    void aProductionRollbackNeedsTheContextNamespaceAndWorkloadTypedExactly() {
        model.load();
        model.workloadProperty().set(model.workloads().get(0));
        model.chooseWorkload();
        model.runPreflight();
        model.toConfirm();
        assertThat(model.access().confirmationProperty().get()).isEqualTo(TYPED);
        model.access().typedProperty().set("workers");
        assertThat(model.canExecuteProperty().get()).isFalse();
        assertThat(model.disabledReasonProperty().get())
                .isEqualTo("Roll back is disabled: type " + TYPED + " exactly");
        model.execute();
        assertThat(cluster.current).as("nothing written").isEqualTo(2);
        model.access().typedProperty().set(TYPED);
        assertThat(model.canExecuteProperty().get()).isTrue();
    }

    @Test
    void onAReadOnlyConnectionRollBackIsOffSaysWhyAndWritesNothingEvenWhenCalled() {
        connection.readOnly = "profile prod-eu";
        RollbackWizardViewModel readOnly = wizard(w -> List.of());
        readOnly.load();
        readOnly.workloadProperty().set(readOnly.workloads().get(0));
        readOnly.chooseWorkload();
        readOnly.runPreflight();
        readOnly.toConfirm();
        readOnly.access().typedProperty().set(TYPED);
        assertThat(readOnly.access().readOnlyProperty().get()).isEqualTo("read-only connection (profile prod-eu)");
        assertThat(readOnly.canExecuteProperty().get()).isFalse();
        assertThat(readOnly.disabledReasonProperty().get())
                .isEqualTo("Roll back is disabled: read-only connection (profile prod-eu)");
        readOnly.execute();
        assertThat(cluster.current).as("nothing written").isEqualTo(2);
        assertThat(readOnly.stepProperty().get()).isEqualTo(RollbackWizardViewModel.Step.CONFIRM);
        assertThat(audit.entries()).extracting(AuditEntry::action).doesNotContain("rollback.run.about-to",
                "rollback.executed");
    }

    @Test
    void aForbiddenVerbFailsThePreflightAndTheRollbackCannotBeConfirmed() {
        cluster.forbidden = true;
        model.load();
        model.workloadProperty().set(model.workloads().get(0));
        model.chooseWorkload();
        model.runPreflight();
        assertThat(model.preflight()).filteredOn(CheckRow::failed).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo("\u2716 failed");
            assertThat(c.check()).isEqualTo("access");
            assertThat(c.detail()).isEqualTo("forbidden: the current credentials may not patch deployments "
                    + "ap-acme/workers");
        });
        assertThat(model.messageProperty().get()).isEqualTo("Preflight failed: the rollback cannot run, nothing was "
                + "written.");
        model.toConfirm();
        assertThat(model.stepProperty().get()).isEqualTo(RollbackWizardViewModel.Step.PREFLIGHT);
        assertThat(model.canExecuteProperty().get()).isFalse();
        assertThat(cluster.current).isEqualTo(2);
    }

    @Test
    void aNearlyFullCacheVolumeIsAWarningThatDoesNotStopTheRollback() {
        long gib = 1L << 30;
        model = wizard(w -> List.of(new CacheVolumes.CacheVolume("workers-7f9c-a1", 9 * gib, 10 * gib, 600L),
                new CacheVolumes.CacheVolume("workers-7f9c-b2", 2 * gib, 10 * gib, null)));
        model.load();
        model.workloadProperty().set(model.workloads().get(0));
        model.chooseWorkload();
        model.runPreflight();
        assertThat(model.preflight()).filteredOn(c -> c.check().equals("volume"))
                .extracting(CheckRow::state, CheckRow::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("\u2714 passed", "1 cache volume with headroom: at most "
                                + "20% used, none full within an hour"),
                        org.assertj.core.groups.Tuple.tuple("\u26A0 warning", "cache volume of workers-7f9c-a1 90% "
                                + "used, full in 10 min: the restored pods keep this volume"));
        assertThat(model.messageProperty().get()).isEqualTo("Preflight passed with 1 warning: read them before you "
                + "confirm.");
        model.toConfirm();
        assertThat(model.stepProperty().get()).isEqualTo(RollbackWizardViewModel.Step.CONFIRM);
    }

    /** A Deployment with a good revision 1 and a bad revision 2 (current); back on 1, one pod crash-loops. */
    private static final class TwoRevisions implements RollbackCluster {

        long current = 2;
        boolean forbidden;
        private final List<Revision> history = List.of(revision(1, GOOD), revision(2, BAD));

        private static Revision revision(long n, String image) {
            return new Revision(n, Instant.parse("2026-11-27T2" + n + ":00:00Z"), null, List.of(image),
                    Map.of("worker/AP_EXECUTION_MODE", "SANDBOX_PROCESS"), Map.of(), Map.of(), List.of(), List.of(),
                    "template-" + n);
        }

        @Override
        public Optional<WorkloadRef> find(String namespace, String name) {
            return Optional.of(WORKERS);
        }

        @Override
        public List<Revision> history(WorkloadRef workload) {
            return history;
        }

        @Override
        public WorkloadState state(WorkloadRef workload) {
            return new WorkloadState(workload, "rv" + current, current, "template-" + current);
        }

        @Override
        public Revision summarize(String templateJson) {
            return history.stream().filter(r -> r.templateJson().equals(templateJson)).findFirst().orElseThrow();
        }

        @Override
        public Map<String, String> configMap(String namespace, String name) {
            return Map.of();
        }

        @Override
        public String secretDigest(String namespace, String name) {
            return "";
        }

        @Override
        public boolean allowed(String verb, String group, String resource, String namespace, String name) {
            return !forbidden;
        }

        @Override
        public Optional<String> dryRun(Write write) {
            return Optional.empty();
        }

        @Override
        public String write(Write write) {
            current = summarize(write.templateJson()).number();
            return "rv" + current;
        }

        @Override
        public Optional<String> uid(WorkloadRef workload) {
            return Optional.of("uid-workers");
        }

        @Override
        public RolloutStatus rollout(WorkloadRef workload) {
            String image = current == 1 ? GOOD : BAD;
            List<PodState> pods = new ArrayList<>();
            pods.add(new PodState("workers-7f9c-a1", image, true, null, 0));
            pods.add(current == 1 ? new PodState("workers-7f9c-b2", image, false, "CrashLoopBackOff", 4)
                    : new PodState("workers-7f9c-b2", image, true, null, 0));
            int ready = (int) pods.stream().filter(PodState::ready).count();
            return new RolloutStatus(2, ready, ready, ready, 3, 3, pods);
        }
    }
}
