package dev.pitwall.ui.trust;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.trust.Convergence;
import dev.pitwall.ops.trust.FixPlan;
import dev.pitwall.ops.trust.TrustFixer;
import dev.pitwall.ops.trust.TrustPolicy;
import javafx.concurrent.Task;

import java.time.Duration;

/**
 * A confirmed change of a group's mode as an Operations-panel task: apply (access checked again, patched, audited),
 * then follow the rollout; progress is pods reporting the new mode. Fails, with the reason, when the change is
 * refused or the pods do not converge in time; cancelling stops following (the change itself stays made).
 */
final class TrustFixTask extends Task<Convergence> {

    private final TrustFixer fixer;
    private final FixPlan plan;
    private final Confirmer confirmer;
    private final TrustPolicy policy;
    private final Duration timeout;

    /** @param confirmer what was typed to confirm it, for the write guard */
    TrustFixTask(TrustFixer fixer, FixPlan plan, Confirmer confirmer, TrustPolicy policy, Duration timeout) {
        this.fixer = fixer;
        this.plan = plan;
        this.confirmer = confirmer;
        this.policy = policy;
        this.timeout = timeout;
        updateTitle("Set " + plan.group().title() + " to " + plan.target());
    }

    @Override
    protected Convergence call() throws Exception {
        updateMessage("applying the change to " + plan.workload());
        fixer.apply(plan, confirmer);
        updateMessage("applied and audited; following the rollout");
        Convergence result = fixer.follow(plan, policy, timeout, p -> {
            updateProgress(p.reporting(), Math.max(1, Math.max(p.pods(), p.replicas())));
            updateMessage(p.text());
        });
        updateMessage(result.message());
        if (!result.converged()) {
            throw new IllegalStateException(result.message());
        }
        return result;
    }
}
