package dev.pitwall.ops.rollback;

/** A port: the trust policy's verdict on the execution mode a rollback would restore. */
public interface ModePolicy {

    /**
     * @param group      the workload's worker group id (AP_WORKER_GROUP_ID), "" for shared workers
     * @param targetMode AP_EXECUTION_MODE of the target revision, "" when it does not set one
     * @return a check in the "trust" area: skipped when no policy is configured or it expects nothing of the group
     */
    PreflightCheck check(WorkloadRef workload, String group, String targetMode);

    /** No trust policy is configured: the target mode is not checked, and the preflight says so. */
    static ModePolicy none() {
        return (workload, group, mode) -> PreflightCheck.skipped("trust",
                "no trust policy is configured: the target execution mode is not checked");
    }
}
