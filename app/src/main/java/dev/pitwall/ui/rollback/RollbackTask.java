package dev.pitwall.ui.rollback;

import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.WriteRefused;
import dev.pitwall.ops.rollback.RollbackPlan;
import dev.pitwall.ops.rollback.RollbackRefused;
import dev.pitwall.ops.rollback.RollbackRunner;
import dev.pitwall.ops.rollback.Verification;
import javafx.concurrent.Task;

import java.util.List;
import java.util.function.Consumer;

/**
 * A confirmed rollback as an Operations-panel task: test the plan again and write it (refused, with the reasons,
 * when anything changed since the preflight), then verify until every check passes or the bound is reached. Each step
 * goes to {@code events}; the task fails when the rollback was refused or did not verify, so the panel says so too.
 */
final class RollbackTask extends Task<Verification> {

    private final RollbackRunner runner;
    private final RollbackPlan plan;
    private final RollbackWizardViewModel.Verify verify;
    private final Confirmer confirmer;
    private final Runnable first;
    private final Consumer<RunEvent> events;

    /**
     * @param confirmer what was typed to confirm it, for the write guard
     * @param first     done before anything else (the confirmation is audited there, before any write)
     */
    RollbackTask(String title, RollbackRunner runner, RollbackPlan plan, RollbackWizardViewModel.Verify verify,
                 Confirmer confirmer, Runnable first, Consumer<RunEvent> events) {
        this.runner = runner;
        this.plan = plan;
        this.verify = verify;
        this.confirmer = confirmer;
        this.first = first;
        this.events = events;
        updateTitle(title);
    }

    @Override
    protected Verification call() throws Exception {
        try {
            first.run();
            runner.execute(plan, confirmer, step -> {
                updateMessage("writing: " + step);
                events.accept(new RunEvent(RunEvent.Kind.WRITING, plan, step, null, List.of()));
            });
        } catch (RollbackRefused e) {
            events.accept(new RunEvent(RunEvent.Kind.REFUSED, plan, e.getMessage(), null, e.reasons()));
            throw e;
        } catch (WriteRefused e) {
            events.accept(new RunEvent(RunEvent.Kind.REFUSED, plan, e.getMessage(), null, List.of(e.reason())));
            throw e;
        } catch (RuntimeException e) {
            events.accept(new RunEvent(RunEvent.Kind.ERROR, plan, e.getMessage(), null, List.of(e.getMessage())));
            throw e;
        }
        int checks = Verification.CHECKS.size();
        Verification v;
        try {
            v = runner.awaitVerified(plan, verify.bound(), verify.every(), verify.pause(), attempt -> {
                long passed = Verification.CHECKS.stream().filter(c -> attempt.failuresOf(c).isEmpty()).count();
                updateProgress(passed, checks);
                updateMessage(passed + " of " + checks + " checks pass"
                        + (attempt.ok() ? "" : "; waiting: " + attempt.failures().get(0)));
                events.accept(new RunEvent(RunEvent.Kind.CHECKED, plan, "", attempt, List.of()));
            });
        } catch (RuntimeException e) {
            events.accept(new RunEvent(RunEvent.Kind.ERROR, plan, e.getMessage(), null, List.of(e.getMessage())));
            throw e;
        }
        if (!v.ok()) {
            events.accept(new RunEvent(RunEvent.Kind.VERIFICATION_FAILED, plan, "", v, v.failures()));
            throw new IllegalStateException("verification failed: " + String.join("; ", v.failures()));
        }
        updateMessage("verified: " + plan.workload() + " on revision " + plan.targetRevision());
        events.accept(new RunEvent(RunEvent.Kind.VERIFIED, plan, "", v, List.of()));
        return v;
    }
}
