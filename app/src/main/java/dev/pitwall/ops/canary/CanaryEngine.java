package dev.pitwall.ops.canary;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditLog;
import dev.pitwall.ops.canary.CanaryCluster.CanaryObject;
import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanaryCluster.MainWorkload;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.Guarded;
import dev.pitwall.ops.guard.Lease;
import dev.pitwall.ops.guard.Permit;
import dev.pitwall.ops.guard.WriteConflict;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.rollback.RevisionDiff;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanStore;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * <p>The engine keeps no state of its own between calls that matters: every call reads the journal (filed under the
 * cluster's identity) and the canary's annotations ({@link #find}), so a new engine (a restarted console, another
 * terminal) carries on where the last left off. It acts only when called: {@link #evaluate} once per interval by
 * whoever drives the canary. Every write passes the write guard: a start and the control verbs (confirmed like any
 * production write, under a fence on the canary's version), and each evaluation (under the driver's lease, its steps
 * and gate-driven aborts confirmed at the start). Every change is audited and noted in the record's timeline.
 */
public final class CanaryEngine {

    private static final String EXECUTION_MODE = RevisionDiff.EXECUTION_MODE;
    private static final String GROUP_ID = "AP_WORKER_GROUP_ID";
    /** How often a control verb reads the canary again when another process changed it under it. */
    private static final int CONTROL_TRIES = 3;

    private final CanaryCluster cluster;
    private final Guarded<CanaryChange, String> writes;
    private final CanaryIntents intents;
    private final RollbackCluster rollbackCluster;
    private final CanarySignals signals;
    private final WriteGuard guard;
    private final AuditLog audit;
    private final String actor;
    private final CanaryBook book;
    private final CanaryMoves moves;
    private final Clock clock;
    private final CanaryPreflight preflight;
    private final Map<WorkloadRef, GateEvaluator> evaluators = new HashMap<>();

    public CanaryEngine(CanaryCluster cluster, RollbackCluster rollbackCluster, RollbackPlanStore plans,
                        CanarySignals signals, CanaryJournal journal, ModePolicy policy, WriteGuard guard,
                        AuditLog audit, String actor, Clock clock) {
        this.cluster = cluster;
        this.writes = Guarded.of(cluster);
        this.intents = new CanaryIntents(cluster);
        this.rollbackCluster = rollbackCluster;
        this.signals = signals;
        this.guard = guard;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.preflight = new CanaryPreflight(cluster, plans, runner(), signals, policy, audit, this::here);
        this.book = new CanaryBook(journal, audit, actor, clock, this::here);
        this.moves = new CanaryMoves(cluster, book, this::planner, this::runner);
    }

    /** The workload of that name (Deployment first, then StatefulSet). */
    public WorkloadRef workload(String namespace, String name) {
        return planner().workload(namespace, name);
    }

    /** The worker workloads a canary can be made of. */
    public List<WorkloadRef> workloads() {
        return cluster.workloads();
    }

    /** Every check a start makes, without starting. */
    public Preflight preflight(WorkloadRef workload, CanarySettings settings) {
        return preflight.check(workload, settings, null, clock.instant()).preflight();
    }

    /** Why nothing may be changed here ("read-only connection (...)"), for screens to say why their buttons are off. */
    public Optional<String> readOnly() {
        return guard.readOnly();
    }

    /** What a production connection asks to be typed before a start or a control verb on {@code workload}. */
    public Optional<String> confirmationFor(WorkloadRef workload) {
        return guard.confirmationFor(intents.anyWrite(workload));
    }

    /** Checks, then creates the canary at its first step, relying on the newest rollback plan saved for it. */
    public CanaryRecord start(WorkloadRef workload, CanarySettings settings, Confirmer confirmer)
            throws CanaryRefused {
        return start(workload, settings, null, confirmer);
    }

    /**
     * Checks, then creates the canary at its first step, through the write guard.
     *
     * @param planFile the tested rollback plan to rely on, or null for the newest one saved for the workload
     * @throws CanaryRefused when preflight finds a problem (nothing changed)
     * @throws WriteRefused  when the guard refuses it (nothing changed)
     */
    public synchronized CanaryRecord start(WorkloadRef workload, CanarySettings settings, Path planFile,
                                           Confirmer confirmer) throws CanaryRefused {
        if (!settings.secretLiterals().isEmpty()) {
            // refused before anything is written: the value would be stored in the audit log, journal and annotations
            throw new IllegalArgumentException(String.join(", ", settings.secretLiterals()) + " look(s) like a "
                    + "secret: take the value from a Kubernetes Secret instead of writing it");
        }
        guard.admit(BackendKind.KUBERNETES);
        Instant now = clock.instant();
        CanaryPreflight.Outcome checked = preflight.check(workload, settings, planFile, now);
        if (!checked.preflight().ok()) {
            book.record("canary.refused", workload, Map.of("image", settings.image(),
                    "reasons", String.join("; ", checked.preflight().problems())));
            throw new CanaryRefused(checked.preflight());
        }
        MainWorkload main = cluster.main(workload);
        RollbackPlan plan = checked.plan();
        CanaryRecord first = new CanaryRecord(workload, CanaryCluster.canaryName(workload), settings,
                CanaryPhase.RUNNING, 0, main.replicas(), now, now, null, plan.currentRevision(), plan.id(),
                queueDepth(main), null, List.of(), List.of(), here(), main.uid());
        CanaryRecord r = first.noting(now, "started: " + settings.image() + " on " + first.stepText()
                + ", rollback plan " + plan.id() + " tested");
        Lease fence = Lease.fence(cluster.lease(workload), CanaryIntents.canaryOf(workload));
        return guard.perform(intents.start(workload, main.uid(), settings, fence), confirmer, permit -> {
            CanaryWrites w = new CanaryWrites(cluster, writes, permit, workload, fence.version());
            try {
                w.create(settings, r.canaryReplicas(), CanaryAnnotations.of(r));
            } catch (WriteConflict e) {
                throw new WriteRefused("a canary of " + workload + " was started by another process just now: see "
                        + "`pitwall canary status " + workload.name() + " --namespace " + workload.namespace() + "`");
            }
            w.scaleMain(main.replicas() - r.canaryReplicas());
            evaluators.remove(workload);
            book.save(r);
            book.record("canary.started", workload, Map.of("image", settings.image(), "env", settings.env().toString(),
                    "envFromSecret", settings.envFromSecretText(), "steps", settings.steps().toString(),
                    "hold", settings.hold().toString(), "plan", plan.id(),
                    "mainReplicas", String.valueOf(main.replicas())));
            return r;
        });
    }

    /** The workload's canary as the cluster and this cluster's journal know it (the last one, if it has finished). */
    public synchronized Optional<CanaryRecord> find(WorkloadRef workload) {
        Optional<CanaryRecord> journaled = book.load(workload);
        Optional<CanaryObject> live = cluster.canary(workload);
        if (live.isEmpty()) {
            return journaled;
        }
        Map<String, String> annotations = live.get().annotations();
        boolean same = journaled.isPresent() && !journaled.get().phase().isFinal()
                && journaled.get().startedAt().toString().equals(annotations.get(CanaryAnnotations.STARTED));
        return same ? Optional.of(CanaryAnnotations.merge(journaled.get(), annotations))
                : CanaryAnnotations.rebuild(workload, live.get().name(), annotations, here(),
                cluster.uid(workload).orElse(null)).or(() -> journaled);
    }

    /**
     * One evaluation by {@code driver}, under its lease: the gates, then what follows from them and from the clock
     * (next step, promotion, its end, an abort). Returns the record as it now stands. When another process changed
     * the canary while the gates were read (an abort, a pause), its change stands and the record shows it.
     *
     * @throws dev.pitwall.ops.guard.LeaseHeld when another driver's lease has not run out: nothing was evaluated
     * @throws WriteRefused                    when the guard refuses it (read-only, another cluster, a recreated
     *                                         workload)
     */
    public synchronized CanaryRecord evaluate(WorkloadRef workload, CanaryDriver driver) {
        CanaryRecord before = existing(workload);
        if (before.phase().isFinal()) {
            return before;
        }
        Lease lease = Lease.driver(cluster.lease(workload), CanaryIntents.canaryOf(workload), driver.id(),
                driver.lease(), clock);
        return guard.perform(intents.evaluation(before, lease), Confirmer.nobody("nobody is asked"), permit -> {
            try {
                return evaluateUnder(workload, new CanaryWrites(cluster, writes, permit, workload, lease.version()),
                        permit);
            } catch (WriteConflict e) {
                return existing(workload); // another process's change stands
            }
        });
    }

    private CanaryRecord evaluateUnder(WorkloadRef workload, CanaryWrites w, Permit permit) {
        CanaryRecord r = existing(workload); // read under the lease: a change made before it is seen here
        if (r.phase().isFinal()) {
            return r;
        }
        Instant now = clock.instant();
        MainWorkload main = cluster.main(workload);
        if (!w.hasCanary()) {
            return moves.goneOutside(r, main, w, now);
        }
        List<CanaryPod> canaryPods = cluster.pods(workload, true);
        List<GateReading> readings = evaluators.computeIfAbsent(workload, x -> new GateEvaluator(signals))
                .evaluate(r, expectedMode(r, main), main.env().get(GROUP_ID), canaryPods, now);
        r = r.withGates(readings);
        Optional<GateReading> failed = readings.stream().filter(GateReading::failed).findFirst();
        if (failed.isPresent()) {
            return moves.abort(r, AbortReason.of(failed.get(), now), w, now);
        }
        boolean holding = readings.stream().anyMatch(GateReading::holds);
        if (r.phase() == CanaryPhase.RUNNING && !holding && held(r, now)) {
            r = r.lastStep() ? moves.beginPromotion(r, w, now) : moves.nextStep(r, w, now);
        } else if (r.phase() == CanaryPhase.PROMOTING && moves.promoted(r, main)) {
            r = moves.finishPromotion(r, w, now);
        }
        permit.note("phase", r.phase().name());
        book.save(r);
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

    public synchronized CanaryRecord pause(WorkloadRef workload, Confirmer confirmer) {
        return control(workload, "pause", confirmer, (r, w, now) -> {
            if (r.phase() != CanaryPhase.RUNNING) {
                throw new IllegalStateException("the canary of " + workload + " is " + r.phase() + ", not running");
            }
            CanaryRecord next = r.paused(now).noting(now, "paused by " + actor + " at " + r.stepText());
            w.control(-1, CanaryAnnotations.control(next));
            book.record("canary.paused", workload, Map.of("step", next.stepText()));
            return next;
        });
    }

    public synchronized CanaryRecord resume(WorkloadRef workload, Confirmer confirmer) {
        return control(workload, "resume", confirmer, (r, w, now) -> {
            if (r.phase() != CanaryPhase.PAUSED) {
                throw new IllegalStateException("the canary of " + workload + " is " + r.phase() + ", not paused");
            }
            CanaryRecord next = r.resumed(now).noting(now, "resumed by " + actor);
            w.control(-1, CanaryAnnotations.control(next));
            book.record("canary.resumed", workload, Map.of("step", next.stepText()));
            return next;
        });
    }

    /** Promotes now, skipping the remaining steps. */
    public synchronized CanaryRecord promote(WorkloadRef workload, Confirmer confirmer) {
        return control(workload, "promote", confirmer, (r, w, now) -> {
            if (r.phase() != CanaryPhase.RUNNING && r.phase() != CanaryPhase.PAUSED) {
                throw new IllegalStateException("the canary of " + workload + " is " + r.phase()
                        + ": only a running or paused canary can be promoted");
            }
            return moves.beginPromotion(r.noting(now, "promotion asked for by " + actor + " at " + r.stepText()), w,
                    now);
        });
    }

    public synchronized CanaryRecord abort(WorkloadRef workload, Confirmer confirmer) {
        return control(workload, "abort", confirmer, (r, w, now) -> {
            if (r.phase().isFinal()) {
                throw new IllegalStateException("the canary of " + workload + " is already " + r.phase());
            }
            return moves.abort(r, AbortReason.manual(actor, now), w, now);
        });
    }

    /** A control verb's change of the record as it stands under the fence. */
    @FunctionalInterface
    private interface Change {
        CanaryRecord apply(CanaryRecord r, CanaryWrites w, Instant now);
    }

    /**
     * A control verb through the guard, under a fence on the canary's version: when another process changed the
     * canary between the read and the write (a driver's step), the record is read again and the verb decided anew.
     */
    private CanaryRecord control(WorkloadRef workload, String verb, Confirmer confirmer, Change change) {
        CanaryRecord before = existing(workload);
        Lease fence = Lease.fence(cluster.lease(workload), CanaryIntents.canaryOf(workload));
        return guard.perform(intents.control(verb, before, fence), confirmer, permit -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    CanaryRecord next = change.apply(existing(workload), new CanaryWrites(cluster, writes, permit,
                            workload, fence.version()), clock.instant());
                    book.save(next);
                    return next;
                } catch (WriteConflict e) {
                    if (attempt >= CONTROL_TRIES) {
                        throw new WriteRefused("the canary of " + workload + " kept changing under the " + verb
                                + " (" + attempt + " tries): nothing more was changed; try again");
                    }
                    fence.acquire(); // the version as it is now
                }
            }
        });
    }

    private CanaryRecord existing(WorkloadRef workload) {
        return find(workload).orElseThrow(() -> new NoCanary(workload));
    }

    private boolean held(CanaryRecord r, Instant now) {
        return !now.isBefore(stepEndsAt(r));
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

    private TargetIdentity here() {
        return guard.identity(BackendKind.KUBERNETES);
    }

    private RollbackPlanner planner() {
        return new RollbackPlanner(rollbackCluster, here(), clock);
    }

    private RollbackRunner runner() {
        return new RollbackRunner(rollbackCluster, null, guard, audit, actor, clock);
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
