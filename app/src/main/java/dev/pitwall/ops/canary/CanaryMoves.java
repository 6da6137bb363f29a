package dev.pitwall.ops.canary;

import dev.pitwall.ops.canary.CanaryCluster.CanaryPod;
import dev.pitwall.ops.canary.CanaryCluster.MainWorkload;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackPlanner;
import dev.pitwall.ops.rollback.RollbackRefused;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A canary's moves (the next step, promotion and its end, an abort), each written through one guarded operation's
 * {@link CanaryWrites}: its first write claims the move on the canary workload against the version the operation
 * read, so a move decided on what has changed since is stopped before it writes anything else. Each is audited and
 * noted in the record's timeline.
 */
final class CanaryMoves {

    private final CanaryCluster cluster;
    private final CanaryBook book;
    private final Supplier<RollbackPlanner> planner;
    private final Supplier<RollbackRunner> runner;

    /**
     * @param planner plans the rollback an abort makes after a promotion had begun
     * @param runner  runs it
     */
    CanaryMoves(CanaryCluster cluster, CanaryBook book, Supplier<RollbackPlanner> planner,
                Supplier<RollbackRunner> runner) {
        this.cluster = cluster;
        this.book = book;
        this.planner = planner;
        this.runner = runner;
    }

    CanaryRecord nextStep(CanaryRecord r, CanaryWrites w, Instant now) {
        CanaryRecord next = r.atStep(r.step() + 1, now);
        next = next.noting(now, "held " + r.stepText() + " with every gate passing; now " + next.stepText());
        // the canary grows before the main workload shrinks, so the queue never has fewer workers than before
        w.control(next.canaryReplicas(), CanaryAnnotations.control(next));
        w.scaleMain(next.mainReplicas() - next.canaryReplicas());
        book.record("canary.step", r.workload(), Map.of("step", next.stepText()));
        return next;
    }

    CanaryRecord beginPromotion(CanaryRecord r, CanaryWrites w, Instant now) {
        CanaryRecord next = r.withPhase(CanaryPhase.PROMOTING).noting(now, "promoting: " + r.workload() + " gets "
                + r.settings().image() + (r.settings().env().isEmpty() ? "" : " with " + r.settings().env())
                + " on " + r.mainReplicas() + " pods");
        w.control(-1, CanaryAnnotations.control(next));
        w.promote(r.settings(), r.mainReplicas());
        book.record("canary.promoting", r.workload(), Map.of("image", r.settings().image(),
                "env", r.settings().env().toString(), "envFromSecret", r.settings().envFromSecretText()));
        return next;
    }

    /** The main workload has rolled out the new template on all its pods. */
    boolean promoted(CanaryRecord r, MainWorkload main) {
        if (main.observedGeneration() < main.generation() || main.updatedReplicas() < r.mainReplicas()
                || main.readyReplicas() < r.mainReplicas() || !r.settings().image().equals(main.image())) {
            return false;
        }
        List<CanaryPod> pods = cluster.pods(r.workload(), false);
        return pods.size() >= r.mainReplicas() && pods.stream()
                .allMatch(p -> p.ready() && p.image().equals(r.settings().image()));
    }

    /** The canary's abort claimed on the canary first (so no evaluation in flight undoes it), then capacity back. */
    CanaryRecord abort(CanaryRecord r, AbortReason reason, CanaryWrites w, Instant now) {
        boolean promotionBegun = r.phase() == CanaryPhase.PROMOTING;
        WorkloadRef workload = r.workload();
        CanaryRecord next = r.aborted(reason).noting(now, "ABORTED: " + reason.text()
                + "; canary removed, " + workload + " back to " + r.mainReplicas() + " pods");
        if (w.hasCanary()) {
            w.control(-1, CanaryAnnotations.control(next));
        }
        // capacity first: the main workload gets its pods back before the canary's go
        w.scaleMain(r.mainReplicas());
        w.delete();
        if (promotionBegun) {
            next = rollBack(next, now);
        }
        book.record("canary.aborted", workload, Map.of("gate", reason.gate(), "measured", reason.measured(),
                "threshold", reason.threshold(), "at", reason.at().toString(), "step", r.stepText(),
                "promotionBegun", String.valueOf(promotionBegun)));
        book.save(next);
        return next;
    }

    /** Promotion had begun: the main workload returns to the revision it ran before, through a tested plan. */
    private CanaryRecord rollBack(CanaryRecord r, Instant now) {
        try {
            RollbackPlan plan = planner.get().plan(r.workload(), r.preRevision());
            runner.get().execute(plan, Confirmer.partOf("the canary's abort"), step -> { });
            return r.noting(now, "rolled back to revision " + r.preRevision() + " (plan " + plan.id()
                    + ", made from the revision the tested plan " + r.planId() + " was captured against)");
        } catch (RollbackRefused | RuntimeException e) {
            book.record("canary.rollback-failed", r.workload(), Map.of("reason", String.valueOf(e.getMessage())));
            return r.noting(now, "ROLLBACK FAILED, roll back by hand (pitwall rollback plan " + r.workload().name()
                    + " --namespace " + r.workload().namespace() + " --to " + r.preRevision() + "): "
                    + e.getMessage());
        }
    }

    /** The canary workload disappeared without this engine removing it. */
    CanaryRecord goneOutside(CanaryRecord r, MainWorkload main, CanaryWrites w, Instant now) {
        if (r.phase() == CanaryPhase.PROMOTING && r.settings().image().equals(main.image())) {
            CanaryRecord done = r.withPhase(CanaryPhase.PROMOTED).noting(now, "canary removed; " + r.workload()
                    + " runs " + main.image());
            book.save(done);
            return done;
        }
        return abort(r, new AbortReason("removed", "the canary workload " + r.canaryName()
                + " was deleted outside this canary", "-", now), w, now);
    }

    /** The promotion has rolled out: the canary is claimed as promoted, then removed. */
    CanaryRecord finishPromotion(CanaryRecord r, CanaryWrites w, Instant now) {
        CanaryRecord done = r.withPhase(CanaryPhase.PROMOTED).noting(now, "promoted: " + r.workload() + " runs "
                + r.settings().image() + " on all " + r.mainReplicas() + " pods; canary removed");
        w.control(-1, CanaryAnnotations.control(done));
        w.delete();
        book.record("canary.promoted", r.workload(), Map.of("image", r.settings().image()));
        return done;
    }
}
