package dev.pitwall.ops.rollback;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.Guarded;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteIntent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tests, executes and verifies rollback plans. A plan runs through the write guard (not on a read-only connection,
 * only on the cluster it was captured on and while the workload has the UID it had, under the workload's lock,
 * confirmed on production, audited before and after), and nothing is written unless the plan is current (no one
 * changed the workload since), its target still exists, every verb is allowed and the server accepts a dry run of
 * every write. Every step is audited.
 */
public final class RollbackRunner {

    private final RollbackCluster cluster;
    private final Guarded<RollbackCluster.Write, String> writes;
    private final HeartbeatSource heartbeats;
    private final WriteGuard guard;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    /** @param heartbeats the workers' heartbeats, or null when there is no Redis (that check is then skipped) */
    public RollbackRunner(RollbackCluster cluster, HeartbeatSource heartbeats, WriteGuard guard, AuditLog audit,
                          String actor, Clock clock) {
        this.cluster = cluster;
        this.writes = Guarded.of(cluster);
        this.heartbeats = heartbeats;
        this.guard = guard;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** The guard's view of running {@code plan}. */
    public WriteIntent intent(RollbackPlan plan) {
        WorkloadRef w = plan.workload();
        return WriteIntent.of("rollback.run", w.toString(), BackendKind.KUBERNETES)
                .belongingTo(plan.cluster(), "plan", "capture a new plan with `pitwall rollback plan " + w.name()
                        + " --namespace " + w.namespace() + "`")
                .workload(w.toString(), plan.workloadUid(), () -> cluster.uid(w))
                .lockingWorkload(w.kind().name(), w.namespace(), w.name())
                .confirmedAs(w.namespace() + "/" + w.name())
                .detail("plan", plan.id()).detail("from", String.valueOf(plan.currentRevision()))
                .detail("to", String.valueOf(plan.targetRevision()));
    }

    /**
     * "Test the plan": is it current, does its target exist, is every verb allowed, does every dry run pass.
     *
     * @throws dev.pitwall.ops.guard.WriteRefused when the plan belongs to another cluster or another workload of
     *                                            that name: nothing of it is tested there
     */
    public PlanTest test(RollbackPlan plan) {
        guard.checkTarget(intent(plan));
        List<String> problems = new ArrayList<>(staleness(plan));
        List<String> passed = new ArrayList<>();
        for (RollbackCluster.Write write : plan.writes()) {
            String[] access = write.access();
            if (cluster.allowed(access[0], access[1], access[2], write.namespace(), write.name())) {
                passed.add("allowed: " + access[0] + " " + access[2] + " " + write.namespace() + "/" + write.name());
            } else {
                problems.add("forbidden: the current credentials may not " + access[0] + " " + access[2] + " "
                        + write.namespace() + "/" + write.name());
            }
        }
        if (problems.isEmpty()) {
            for (RollbackCluster.Write write : plan.writes()) {
                cluster.dryRun(write).ifPresentOrElse(
                        reason -> problems.add("the server rejected a dry run to " + write.describe() + ": " + reason),
                        () -> passed.add("dry run accepted: " + write.describe()));
            }
        }
        record("rollback.plan.tested", plan, Map.of("result", problems.isEmpty() ? "passed" : "failed",
                "problems", String.join("; ", problems)));
        return new PlanTest(problems, passed);
    }

    /**
     * Through the guard: tests the plan and, when it passes, writes the ConfigMaps and then the template.
     *
     * @param confirmer how the write is confirmed when the connection asks for it
     * @throws dev.pitwall.ops.guard.WriteRefused when the guard refuses it (nothing written)
     * @throws RollbackRefused                    when the plan's test fails (nothing written)
     */
    public void execute(RollbackPlan plan, Confirmer confirmer, Consumer<String> progress) throws RollbackRefused {
        guard.perform(intent(plan), confirmer, permit -> {
            PlanTest test = test(plan);
            if (!test.ok()) {
                record("rollback.refused", plan, Map.of("reasons", String.join("; ", test.problems())));
                throw new RollbackRefused(test.problems());
            }
            for (RollbackCluster.Write write : plan.writes()) {
                progress.accept(write.describe());
                permit.note(write.describe(), writes.write(permit, write));
            }
            record("rollback.executed", plan, Map.of("writes", String.valueOf(plan.writes().size())));
            return null;
        });
    }

    /** The checks of the plan, once, now. */
    public Verification verify(RollbackPlan plan) {
        RolloutStatus rollout = cluster.rollout(plan.workload());
        List<String> failures = new ArrayList<>();
        if (rollout.observedGeneration() < rollout.generation()) {
            failures.add("rollout: the controller has not observed generation " + rollout.generation()
                    + " yet (observed " + rollout.observedGeneration() + ")");
        }
        if (rollout.updated() < rollout.desired() || rollout.ready() < rollout.desired()
                || rollout.available() < rollout.desired()) {
            failures.add("rollout: " + rollout.updated() + " updated, " + rollout.ready() + " ready, "
                    + rollout.available() + " available of " + rollout.desired() + " desired");
        }
        String image = plan.targetImages().isEmpty() ? "" : plan.targetImages().get(0);
        List<String> wrongImage = rollout.pods().stream().filter(p -> !p.image().equals(image))
                .map(p -> p.name() + " (" + p.image() + ")").toList();
        if (!wrongImage.isEmpty()) {
            failures.add("image: not on " + image + ": " + String.join(", ", wrongImage));
        }
        List<String> crashing = rollout.pods().stream().filter(PodState::crashLooping).map(PodState::name).toList();
        if (!crashing.isEmpty()) {
            failures.add("crash-loops: " + String.join(", ", crashing));
        }
        List<String> notReady = rollout.pods().stream().filter(p -> !p.ready()).map(PodState::name).toList();
        if (!notReady.isEmpty()) {
            failures.add("not ready: " + String.join(", ", notReady));
        }
        if (heartbeats != null) {
            failures.addAll(heartbeatFailures(plan, rollout));
        }
        return new Verification(failures, rollout);
    }

    /**
     * Verifies until every check passes or {@code bound} has passed, asking {@code pause} to wait between attempts;
     * audits the outcome.
     */
    public Verification awaitVerified(RollbackPlan plan, Duration bound, Duration every, Pause pause)
            throws InterruptedException {
        return awaitVerified(plan, bound, every, pause, v -> { });
    }

    /** As {@link #awaitVerified(RollbackPlan, Duration, Duration, Pause)}, telling {@code each} every attempt. */
    public Verification awaitVerified(RollbackPlan plan, Duration bound, Duration every, Pause pause,
                                      Consumer<Verification> each) throws InterruptedException {
        Instant deadline = clock.instant().plus(bound);
        Verification v = verify(plan);
        each.accept(v);
        while (!v.ok() && clock.instant().isBefore(deadline)) {
            pause.sleep(every);
            v = verify(plan);
            each.accept(v);
        }
        record(v.ok() ? "rollback.verified" : "rollback.verification-failed", plan,
                Map.of("failures", String.join("; ", v.failures())));
        return v;
    }

    /** How the runner waits between verification attempts (real time headless, simulated time in tests). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private List<String> heartbeatFailures(RollbackPlan plan, RolloutStatus rollout) {
        List<Heartbeat> beats = heartbeats.heartbeats();
        List<String> silent = new ArrayList<>();
        List<String> wrongVersion = new ArrayList<>();
        List<String> wrongMode = new ArrayList<>();
        for (PodState pod : rollout.pods()) {
            Heartbeat beat = beats.stream().filter(b -> b.workerId().equals(pod.name())).findFirst().orElse(null);
            if (beat == null) {
                silent.add(pod.name());
            } else {
                if (!plan.targetVersion().isEmpty() && !plan.targetVersion().equals(beat.version())) {
                    wrongVersion.add(pod.name() + " (" + beat.version() + ")");
                }
                if (!plan.targetMode().isEmpty() && !plan.targetMode().equals(beat.executionMode())) {
                    wrongMode.add(pod.name() + " (" + beat.executionMode() + ")");
                }
            }
        }
        List<String> failures = new ArrayList<>();
        if (!silent.isEmpty()) {
            failures.add("heartbeats: no heartbeat from " + String.join(", ", silent));
        }
        if (!wrongVersion.isEmpty()) {
            failures.add("heartbeats: not reporting version " + plan.targetVersion() + ": "
                    + String.join(", ", wrongVersion));
        }
        if (!wrongMode.isEmpty()) {
            failures.add("heartbeats: not reporting execution mode " + plan.targetMode() + ": "
                    + String.join(", ", wrongMode));
        }
        return failures;
    }

    /** Why the plan no longer fits the cluster: someone changed the template, or the target revision is gone. */
    private List<String> staleness(RollbackPlan plan) {
        List<String> problems = new ArrayList<>();
        List<Revision> history = cluster.history(plan.workload());
        if (history.stream().noneMatch(r -> r.number() == plan.targetRevision())) {
            problems.add("target revision " + plan.targetRevision() + " of " + plan.workload()
                    + " no longer exists (the cluster keeps " + history.stream().map(Revision::number).toList() + ")");
        }
        WorkloadState now = cluster.state(plan.workload());
        if (!now.templateJson().equals(plan.currentTemplateJson())) {
            RevisionDiff changed = RevisionDiff.between(cluster.summarize(plan.currentTemplateJson()),
                    cluster.summarize(now.templateJson()), name -> Map.of("", ""), name -> "-");
            problems.add("stale plan: " + plan.workload() + " was changed since the plan was made (resourceVersion "
                    + plan.currentResourceVersion() + " -> " + now.resourceVersion() + "): "
                    + (changed.changes().isEmpty() ? "template edited"
                    : String.join("; ", changed.changes().stream().map(Change::describe).toList())));
        }
        return problems;
    }

    /** Records a decision the operator made about a plan (confirmed it, stayed after a failed verification, ...). */
    public void recordDecision(String action, RollbackPlan plan, Map<String, String> details) {
        record(action, plan, details);
    }

    private void record(String action, RollbackPlan plan, Map<String, String> details) {
        Map<String, String> all = new java.util.LinkedHashMap<>(details);
        all.put("plan", plan.id());
        all.put("from", String.valueOf(plan.currentRevision()));
        all.put("to", String.valueOf(plan.targetRevision()));
        audit.record(new AuditEntry(clock.instant(), actor, action, plan.workload().toString(), all));
    }
}
