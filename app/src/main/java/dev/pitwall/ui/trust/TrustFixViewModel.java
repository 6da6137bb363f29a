package dev.pitwall.ui.trust;

import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.trust.FixPlan;
import dev.pitwall.ops.trust.GroupTrust;
import dev.pitwall.ops.trust.TrustFixer;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustPolicy;
import dev.pitwall.ui.queues.FxHandoff;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fix dialog: the target mode, the plan made for it in the background (access review and diff), the typed
 * confirmation of the namespace name, and, once applied, the rollout's progress. Apply stays disabled, with the
 * reason in words, until the plan allows the change and the namespace name is typed exactly.
 */
public final class TrustFixViewModel {

    private final TrustFixer fixer;
    private final GroupTrust group;
    private final TrustPolicy policy;
    private final String actor;
    private final BackgroundExecutor executor;
    private final Consumer<Task<?>> startOperation;
    private final Duration timeout;
    private final Consumer<Planned> planSink;

    private final ObjectProperty<ExecutionMode> target = new SimpleObjectProperty<>();
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    /** What to type to apply: the namespace, or on production {@code <context>/<namespace>/<workload>}. */
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper access = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper disabledReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private FixPlan plan;
    private Task<?> task;

    private record Planned(ExecutionMode target, FixPlan plan, String error) {
    }

    /**
     * @param startOperation lists a task in the Operations panel and runs it
     * @param timeout        how long the rollout is followed
     */
    public TrustFixViewModel(TrustFixer fixer, GroupTrust group, TrustPolicy policy, String actor,
                             BackgroundExecutor executor, FxHandoff fx, Consumer<Task<?>> startOperation,
                             Duration timeout) {
        this.fixer = fixer;
        this.group = group;
        this.policy = policy;
        this.actor = actor;
        this.executor = executor;
        this.startOperation = startOperation;
        this.timeout = timeout;
        this.planSink = fx.latestPerFrame(this::applyPlan);
        confirmation.set(group.namespace());
        typed.addListener((obs, old, now) -> update());
        target.addListener((obs, old, now) -> replan());
    }

    /** Starts with the mode the policy expects, when there is one: the usual fix. */
    public void start() {
        if (group.expected() != null) {
            target.set(group.expected().mode());
        } else {
            update();
        }
    }

    public GroupTrust group() {
        return group;
    }

    public List<ExecutionMode> modes() {
        return List.of(ExecutionMode.values());
    }

    private void replan() {
        ExecutionMode mode = target.get();
        plan = null;
        diff.set("");
        access.set(mode == null ? "" : "checking access\u2026");
        update();
        if (mode == null) {
            return;
        }
        executor.supply(() -> fixer.plan(group, mode, actor)).whenComplete((p, error) -> planSink.accept(
                new Planned(mode, p, error == null ? null : error.getMessage())));
    }

    private void applyPlan(Planned planned) {
        if (planned.target() != target.get()) {
            return; // the mode was changed again meanwhile; that plan is on its way
        }
        plan = planned.plan();
        if (plan == null) {
            access.set("\u2716 the change cannot be planned: " + planned.error());
        } else {
            diff.set(String.join("\n", plan.diff()));
            confirmation.set(plan.confirmation());
            access.set(plan.access().allowed() ? "\u2714 you may patch " + plan.workload()
                    : "\u2716 " + (plan.blockedReason() != null ? plan.blockedReason() : plan.access().reason()));
        }
        update();
    }

    private void update() {
        String reason = reason();
        disabledReason.set(reason == null ? "" : "Apply is disabled: " + reason);
        canApply.set(reason == null);
    }

    private String reason() {
        if (running.get() || task != null) {
            return "the change was applied (see its progress)";
        }
        if (target.get() == null) {
            return "choose the execution mode to declare";
        }
        if (plan == null) {
            return "the access review is running";
        }
        if (!plan.canApply()) {
            return plan.blockedReason();
        }
        return plan.confirmationProblem(typed.get());
    }

    /** Applies the confirmed plan as an operation; its progress shows here and in the Operations panel. */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        TrustFixTask fix = new TrustFixTask(fixer, plan, Confirmer.typed(typed.get()), policy, timeout);
        task = fix;
        running.set(true);
        fix.messageProperty().addListener((obs, old, now) -> progress.set(now));
        fix.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                outcome.set("\u2714 " + fix.getMessage());
            } else if (now == Worker.State.FAILED) {
                outcome.set("\u2716 " + (fix.getException() == null ? "failed" : fix.getException().getMessage()));
            } else if (now == Worker.State.CANCELLED) {
                outcome.set("\u26A0 stopped following the rollout; the change itself was applied");
            }
            running.set(now == Worker.State.RUNNING || now == Worker.State.SCHEDULED || now == Worker.State.READY);
        });
        update();
        startOperation.accept(fix);
    }

    public ObjectProperty<ExecutionMode> targetProperty() {
        return target;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** What to type to apply the change. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** "\u2714 you may patch ..." or "\u2716 why not". */
    public ReadOnlyStringProperty accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** "" when Apply is enabled, else "Apply is disabled: why". */
    public ReadOnlyStringProperty disabledReasonProperty() {
        return disabledReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** The rollout as it goes: "1 of 2 pods report SANDBOX_PROCESS; waiting for ...". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "" until the operation ends, then its outcome with an icon. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
