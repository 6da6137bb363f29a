package dev.pitwall.app;

import dev.pitwall.ops.rollback.ModePolicy;
import dev.pitwall.ops.rollback.PreflightCheck;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.trust.PolicyLoad;
import dev.pitwall.model.ExecutionMode;
import dev.pitwall.ops.trust.TrustPolicy;
import dev.pitwall.ops.trust.TrustWorkload;

import java.util.Optional;
import java.util.function.Supplier;

/** The rollback preflight's view of the trust policy: is the mode a rollback restores the one the policy expects? */
final class TrustModePolicy implements ModePolicy {

    private final Supplier<PolicyLoad> policy;

    /** @param policy the policy as trust last read it (re-read each time: the file may have been edited) */
    TrustModePolicy(Supplier<PolicyLoad> policy) {
        this.policy = policy;
    }

    @Override
    public PreflightCheck check(WorkloadRef workload, String group, String targetMode) {
        PolicyLoad load = policy.get();
        if (load.location() == null) {
            return ModePolicy.none().check(workload, group, targetMode);
        }
        if (!load.isLoaded()) {
            return PreflightCheck.warning("trust", "the trust policy cannot be used, so the target execution mode "
                    + "is not checked: " + load.describe());
        }
        String groupName = group.isBlank() ? TrustWorkload.SHARED_GROUP : group;
        Optional<TrustPolicy.Expectation> expected = load.policy().expectationFor(groupName, workload.namespace());
        if (expected.isEmpty()) {
            return PreflightCheck.skipped("trust", "the trust policy expects nothing of group " + groupName
                    + " in " + workload.namespace());
        }
        // an unset mode runs as the app's default; an unknown value is never taken for one
        Optional<ExecutionMode> target = targetMode.isEmpty() ? Optional.of(ExecutionMode.APP_DEFAULT)
                : ExecutionMode.parse(targetMode);
        String shown = targetMode.isEmpty() ? "unset (runs as " + ExecutionMode.APP_DEFAULT + ")" : targetMode;
        if (target.isPresent() && target.get() == expected.get().mode()) {
            return PreflightCheck.passed("trust", "target execution mode " + shown + " is what the policy expects: "
                    + expected.get().text());
        }
        return PreflightCheck.failed("trust", "target execution mode " + shown + " breaks the trust policy, which "
                + "expects " + expected.get().text());
    }
}
