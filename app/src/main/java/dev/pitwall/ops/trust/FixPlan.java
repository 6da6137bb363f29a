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
 * @param confirmation  what must be typed to apply it: the namespace, or on production
 *                      {@code <context>/<namespace>/<workload>}
 * @param workloadUid   the workload's UID when planned (null when it could not be read): one recreated under its
 *                      name since is refused
 */
public record FixPlan(GroupTrust group, ExecutionMode target, String actor, AccessDecision access, String blockedReason,
                      String changeCause, List<String> diff, String confirmation, String workloadUid) {

    public FixPlan {
        diff = List.copyOf(diff);
    }

    public boolean canApply() {
        return blockedReason == null;
    }

    /** The workload's namespace. */
    public String namespace() {
        return group.namespace();
    }

    public WorkloadRef workload() {
        return group.workload();
    }

    /** Null when {@code typed} confirms the change, else what is wrong with it. */
    public String confirmationProblem(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "type " + confirmation + " to confirm";
        }
        if (!typed.equals(confirmation)) {
            return "'" + typed + "' is not " + confirmation + ": type it exactly";
        }
        return null;
    }
}
