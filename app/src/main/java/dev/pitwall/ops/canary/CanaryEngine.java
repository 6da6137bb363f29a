package dev.pitwall.ops.canary;

import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.canary.CanaryCluster.CanaryObject;
import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanaryCluster.MainWorkload;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRefused;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary controller. A canary replaces a share of a workload's pods with pods of a new template: at each step the
 * canary workload runs {@link CanaryRecord#canaryReplicas()} pods and the main workload the rest, so the canary's
 * share of the workers pulling from the queue is the step's percentage. Each step is held for the set time while the
 * gates are evaluated; a failing gate aborts (the canary is removed, the main workload gets its replicas back and,
 * if promotion had begun, is rolled back to the revision it ran before). After the last step the template is
 * promoted to the main workload and, once that has rolled out, the canary is removed.
 *
 * <p>The engine keeps no state of its own between calls that matters: every call reads the journal and the canary's
 * annotations ({@link #find}), so a new engine (a restarted console, another terminal) carries on where the last
 * left off. It acts only when called: {@link #evaluate} once per interval by whoever drives the canary. Every change
 * is audited and noted in the record's timeline.
 */
public final class CanaryEngine {

    private static final String EXECUTION_MODE = RevisionDiff.EXECUTION_MODE;
    private static final String GROUP_ID = "AP_WORKER_GROUP_ID";

    private final CanaryCluster cluster;
    private final RollbackCluster rollbackCluster;
    private final CanarySignals signals;
    private final CanaryJournal journal;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;
    private final CanaryPreflight preflight;
    private final Map<WorkloadRef, GateEvaluator> evaluators = new HashMap<>();

    public CanaryEngine(CanaryCluster cluster, RollbackCluster rollbackCluster,
                        dev.pitwall.ops.rollback.RollbackPlanStore plans, CanarySignals signals, CanaryJournal journal,
                        ModePolicy policy, AuditLog audit, String actor, Clock clock) {
        this.cluster = cluster;
        this.rollbackCluster = rollbackCluster;
        this.signals = signals;
        this.journal = journal;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.preflight = new CanaryPreflight(cluster, plans, runner(), signals, policy, audit);
    }

    /** The workload of that name (Deployment first, then StatefulSet). */
    public WorkloadRef workload(String namespace, String name) {
        return new RollbackPlanner(rollbackCluster, clock).workload(namespace, name);
    }

    /** The worker workloads a canary can be made of. */
    public List<WorkloadRef> workloads() {
        return cluster.workloads();
    }

    /** Every check a start makes, without starting. */
    public Preflight preflight(WorkloadRef workload, CanarySettings settings) {
        return preflight.check(workload, settings, null, clock.instant()).preflight();
    }

    /** Checks, then creates the canary at its first step, relying on the newest rollback plan saved for it. */
    public CanaryRecord start(WorkloadRef workload, CanarySettings settings) throws CanaryRefused {
        return start(workload, settings, null);
    }

    /**
     * Checks, then creates the canary at its first step.
     *
     * @param planFile the tested rollback plan to rely on, or null for the newest one saved for the workload
     */
    public synchronized CanaryRecord start(WorkloadRef workload, CanarySettings settings, Path planFile)
            throws CanaryRefused {
        if (!settings.secretLiterals().isEmpty()) {
            // refused before anything is written: the value would be stored in the audit log, journal and annotations
            throw new IllegalArgumentException(String.join(", ", settings.secretLiterals()) + " look(s) like a "
                    + "secret: take the value from a Kubernetes Secret instead of writing it");
        }
        Instant now = clock.instant();
        CanaryPreflight.Outcome checked = preflight.check(workload, settings, planFile, now);
        if (!checked.preflight().ok()) {
            record("canary.refused", workload, Map.of("image", settings.image(),
                    "reasons", String.join("; ", checked.preflight().problems())));
            throw new CanaryRefused(checked.preflight());
        }
        MainWorkload main = cluster.main(workload);
        RollbackPlan plan = checked.plan();
        long baseline = queueDepth(main);
        CanaryRecord r = new CanaryRecord(workload, CanaryCluster.canaryName(workload), settings,
                CanaryPhase.RUNNING, 0, main.replicas(), now, now, null, plan.currentRevision(), plan.id(), baseline,
                null, List.of(), List.of());
        r = r.noting(now, "started: " + settings.image() + " on " + r.stepText() + ", rollback plan " + plan.id()
                + " tested");
        cluster.createCanary(workload, settings.image(), settings.env(), settings.envFromSecret(), r.canaryReplicas(),
                CanaryAnnotations.of(r));
        cluster.scaleMain(workload, main.replicas() - r.canaryReplicas());
        evaluators.remove(workload);
        save(r);
        record("canary.started", workload, Map.of("image", settings.image(), "env", settings.env().toString(),
                "envFromSecret", settings.envFromSecretText(), "steps", settings.steps().toString(),
                "hold", settings.hold().toString(), "plan", plan.id(), "mainReplicas", String.valueOf(main.replicas())));
        return r;
    }

    /** The workload's canary as the cluster and the journal know it (the last one, if it has finished). */
    public synchronized Optional<CanaryRecord> find(WorkloadRef workload) {
        Optional<CanaryRecord> journaled = load(workload);
        Optional<CanaryObject> live = cluster.canary(workload);
        if (live.isEmpty()) {
            return journaled;
        }
        Map<String, String> annotations = live.get().annotations();
        boolean same = journaled.isPresent() && !journaled.get().phase().isFinal()
                && journaled.get().startedAt().toString().equals(annotations.get(CanaryAnnotations.STARTED));
        return same ? Optional.of(CanaryAnnotations.merge(journaled.get(), annotations))
                : CanaryAnnotations.rebuild(workload, live.get().name(), annotations).or(() -> journaled);
    }

    /**
     * One evaluation by {@code driver}: the gates, then what follows from them and from the clock (next step,
     * promotion, its end, an abort). Returns the record as it now stands, and renews the driver's lease.
     *
     * @throws CanaryDriver.DrivenElsewhere when another driver's lease has not run out: nothing was evaluated
     */
    public synchronized CanaryRecord evaluate(WorkloadRef workload, CanaryDriver driver) {
        CanaryRecord r = existing(workload);
        if (r.phase().isFinal()) {
            return r;
        }
        Instant now = clock.instant();
        MainWorkload main = cluster.main(workload);
        Optional<CanaryObject> live = cluster.canary(workload);
        if (live.isEmpty()) {
            return goneOutside(r, main, now);
        }
        Optional<CanaryDriver.Lease> other = driver.other(live.get().annotations(), now);
        if (other.isPresent()) {
            throw new CanaryDriver.DrivenElsewhere("the canary of " + workload, other.get());
        }
        cluster.updateCanary(workload, -1, driver.renewal(now));
        List<CanaryPod> canaryPods = cluster.pods(workload, true);
        List<GateReading> readings = evaluators.computeIfAbsent(workload, w -> new GateEvaluator(signals))
                .evaluate(r, expectedMode(r, main), main.env().get(GROUP_ID), canaryPods, now);
        r = r.withGates(readings);
        Optional<GateReading> failed = readings.stream().filter(GateReading::failed).findFirst();
        if (failed.isPresent()) {
            return abort(r, AbortReason.of(failed.get(), now), now);
        }
        boolean holding = readings.stream().anyMatch(GateReading::holds);
        if (r.phase() == CanaryPhase.RUNNING && !holding && held(r, now)) {
            r = r.lastStep() ? beginPromotion(r, now) : nextStep(r, main, now);
        } else if (r.phase() == CanaryPhase.PROMOTING && promoted(r, main)) {
            cluster.deleteCanary(workload);
            r = r.withPhase(CanaryPhase.PROMOTED).noting(now, "promoted: " + workload + " runs "
                    + r.settings().image() + " on all " + r.mainReplicas() + " pods; canary removed");
            record("canary.promoted", workload, Map.of("image", r.settings().image()));
        }
        save(r);
        return r;
    }

    /** The lease of whoever drives the workload's canary now, if anyone does (an expired lease counts as none). */
    public Optional<CanaryDriver.Lease> driverOf(WorkloadRef workload) {
        Instant now = clock.instant();
        return cluster.canary(workload).flatMap(c -> CanaryDriver.Lease.of(c.annotations()))
                .filter(l -> l.heldAt(now));
    }

    /** This process as a driver of this engine's canaries, evaluating every {@code every}. */
    public CanaryDriver driver(String kind, Duration every) {
        return CanaryDriver.thisProcess(actor, kind, every);
    }

    /** When the current step's hold is over (paused time does not count). */
    public Instant stepEndsAt(CanaryRecord r) {
        return r.stepStartedAt().plus(r.settings().hold());
    }

    public synchronized CanaryRecord pause(WorkloadRef workload) {
        CanaryRecord r = existing(workload);
        if (r.phase() != CanaryPhase.RUNNING) {
            throw new IllegalStateException("the canary of " + workload + " is " + r.phase() + ", not running");
        }
        Instant now = clock.instant();
        r = r.paused(now).noting(now, "paused by " + actor + " at " + r.stepText());
        record("canary.paused", workload, Map.of("step", r.stepText()));
        return control(r);
    }

    public synchronized CanaryRecord resume(WorkloadRef workload) {
        CanaryRecord r = existing(workload);
        if (r.phase() != CanaryPhase.PAUSED) {
            throw new IllegalStateException("the canary of " + workload + " is " + r.phase() + ", not paused");
        }
        Instant now = clock.instant();
        r = r.resumed(now).noting(now, "resumed by " + actor);
        record("canary.resumed", workload, Map.of("step", r.stepText()));
        return control(r);
    }

    /** Promotes now, skipping the remaining steps. */
    public synchronized CanaryRecord promote(WorkloadRef workload) {
        CanaryRecord r = existing(workload);
        if (r.phase() != CanaryPhase.RUNNING && r.phase() != CanaryPhase.PAUSED) {
            throw new IllegalStateException("the canary of " + workload + " is " + r.phase()
                    + ": only a running or paused canary can be promoted");
        }
        Instant now = clock.instant();
        r = beginPromotion(r.noting(now, "promotion asked for by " + actor + " at " + r.stepText()), now);
        save(r);
        return r;
    }

    public synchronized CanaryRecord abort(WorkloadRef workload) {
        CanaryRecord r = existing(workload);
        if (r.phase().isFinal()) {
            throw new IllegalStateException("the canary of " + workload + " is already " + r.phase());
        }
        Instant now = clock.instant();
        return abort(r, AbortReason.manual(actor, now), now);
    }

    private CanaryRecord existing(WorkloadRef workload) {
        return find(workload).orElseThrow(() -> new NoCanary(workload));
    }

    private boolean held(CanaryRecord r, Instant now) {
        return !now.isBefore(stepEndsAt(r));
    }

    private CanaryRecord nextStep(CanaryRecord r, MainWorkload main, Instant now) {
        CanaryRecord next = r.atStep(r.step() + 1, now);
        next = next.noting(now, "held " + r.stepText() + " with every gate passing; now " + next.stepText());
        // the canary grows before the main workload shrinks, so the queue never has fewer workers than before
        cluster.updateCanary(r.workload(), next.canaryReplicas(), CanaryAnnotations.control(next));
        cluster.scaleMain(r.workload(), next.mainReplicas() - next.canaryReplicas());
        record("canary.step", r.workload(), Map.of("step", next.stepText()));
        return next;
    }

    private CanaryRecord beginPromotion(CanaryRecord r, Instant now) {
        CanaryRecord next = r.withPhase(CanaryPhase.PROMOTING).noting(now, "promoting: " + r.workload() + " gets "
                + r.settings().image() + (r.settings().env().isEmpty() ? "" : " with " + r.settings().env())
                + " on " + r.mainReplicas() + " pods");
        cluster.updateCanary(r.workload(), -1, CanaryAnnotations.control(next));
        cluster.promote(r.workload(), r.settings().image(), r.settings().env(), r.settings().envFromSecret(),
                r.mainReplicas());
        record("canary.promoting", r.workload(), Map.of("image", r.settings().image(),
                "env", r.settings().env().toString(), "envFromSecret", r.settings().envFromSecretText()));
        return next;
    }

    /** The main workload has rolled out the new template on all its pods. */
    private boolean promoted(CanaryRecord r, MainWorkload main) {
        if (main.observedGeneration() < main.generation() || main.updatedReplicas() < r.mainReplicas()
                || main.readyReplicas() < r.mainReplicas() || !r.settings().image().equals(main.image())) {
            return false;
        }
        List<CanaryPod> pods = cluster.pods(r.workload(), false);
        return pods.size() >= r.mainReplicas() && pods.stream()
                .allMatch(p -> p.ready() && p.image().equals(r.settings().image()));
    }

    private CanaryRecord abort(CanaryRecord r, AbortReason reason, Instant now) {
        boolean promotionBegun = r.phase() == CanaryPhase.PROMOTING;
        WorkloadRef workload = r.workload();
        // capacity first: the main workload gets its pods back before the canary's go
        cluster.scaleMain(workload, r.mainReplicas());
        cluster.deleteCanary(workload);
        CanaryRecord next = r.aborted(reason).noting(now, "ABORTED: " + reason.text()
                + "; canary removed, " + workload + " back to " + r.mainReplicas() + " pods");
        if (promotionBegun) {
            next = rollBack(next, now);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("gate", reason.gate());
        details.put("measured", reason.measured());
        details.put("threshold", reason.threshold());
        details.put("at", reason.at().toString());
        details.put("step", r.stepText());
        details.put("promotionBegun", String.valueOf(promotionBegun));
        record("canary.aborted", workload, details);
        save(next);
        return next;
    }

    /** Promotion had begun: the main workload returns to the revision it ran before, through a tested plan. */
    private CanaryRecord rollBack(CanaryRecord r, Instant now) {
        try {
            RollbackPlan plan = new RollbackPlanner(rollbackCluster, clock).plan(r.workload(), r.preRevision());
            runner().execute(plan, step -> { });
            return r.noting(now, "rolled back to revision " + r.preRevision() + " (plan " + plan.id()
                    + ", made from the revision the tested plan " + r.planId() + " was captured against)");
        } catch (RollbackRefused | RuntimeException e) {
            record("canary.rollback-failed", r.workload(), Map.of("reason", String.valueOf(e.getMessage())));
            return r.noting(now, "ROLLBACK FAILED, roll back by hand (pitwall rollback plan " + r.workload().name()
                    + " --namespace " + r.workload().namespace() + " --to " + r.preRevision() + "): "
                    + e.getMessage());
        }
    }

    /** The canary workload disappeared without this engine removing it. */
    private CanaryRecord goneOutside(CanaryRecord r, MainWorkload main, Instant now) {
        if (r.phase() == CanaryPhase.PROMOTING && r.settings().image().equals(main.image())) {
            CanaryRecord done = r.withPhase(CanaryPhase.PROMOTED).noting(now, "canary removed; " + r.workload()
                    + " runs " + main.image());
            save(done);
            return done;
        }
        return abort(r, new AbortReason("removed", "the canary workload " + r.canaryName()
                + " was deleted outside this canary", "-", now), now);
    }

    /** Jobs waiting now, or -1 when that cannot be measured (the queue gate then does not judge). */
    private long queueDepth(MainWorkload main) {
        try {
            return signals.waitingJobs(main.env().get(GROUP_ID)).orElse(-1);
        } catch (CanarySignals.SignalException e) {
            return -1;
        }
    }

    private String expectedMode(CanaryRecord r, MainWorkload main) {
        return r.settings().env().getOrDefault(EXECUTION_MODE, main.env().getOrDefault(EXECUTION_MODE, ""));
    }

    /** A control change: on the canary's annotations (for whoever drives it) and in the journal. */
    private CanaryRecord control(CanaryRecord r) {
        cluster.updateCanary(r.workload(), -1, CanaryAnnotations.control(r));
        save(r);
        return r;
    }

    private RollbackRunner runner() {
        return new RollbackRunner(rollbackCluster, null, audit, actor, clock);
    }

    private Optional<CanaryRecord> load(WorkloadRef workload) {
        try {
            return journal.load(workload);
        } catch (IOException e) {
            throw new UncheckedIOException("the canary journal of " + workload + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private void save(CanaryRecord r) {
        try {
            journal.save(r);
        } catch (IOException e) {
            throw new UncheckedIOException("the canary journal of " + r.workload() + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    private void record(String action, WorkloadRef workload, Map<String, String> details) {
        audit.record(new AuditEntry(clock.instant(), actor, action, workload.toString(), details));
    }

    /** There is no canary of this workload, running or finished. */
    public static final class NoCanary extends RuntimeException {
        public NoCanary(WorkloadRef workload) {
            super("no canary of " + workload + ": start one with `pitwall canary start " + workload.name()
                    + " --namespace " + workload.namespace() + " --image IMAGE`");
        }
    }

    /** How a driver waits between evaluations (real time headless, simulated time in tests). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }
}
