package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.util.List;

/**
 * A proposed change of one workload's declared mode, before anything is written: what changes (the diff), whether
 * it may be applied and, if not, why.
 *
 * @param access        the access review's answer for patching the workload
 * @param blockedReason why the change cannot be applied, or null when it can (once confirmed)
 * @param diff          the lines of the before/after preview
 */
public record FixPlan(GroupTrust group, ExecutionMode target, String actor, AccessDecision access, String blockedReason,
                      String changeCause, List<String> diff) {

    public FixPlan {
        diff = List.copyOf(diff);
    }

    public boolean canApply() {
        return blockedReason == null;
    }

    /** The name the user must type to confirm: the workload's namespace. */
    public String namespace() {
        return group.namespace();
    }

    public WorkloadRef workload() {
        return group.workload();
    }

    /** Null when {@code typed} confirms the change, else what is wrong with it. */
    public String confirmationProblem(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "type the namespace name " + namespace() + " to confirm";
        }
        if (!typed.equals(namespace())) {
            return "'" + typed + "' is not the namespace name: type " + namespace() + " exactly";
        }
        return null;
    }
}
