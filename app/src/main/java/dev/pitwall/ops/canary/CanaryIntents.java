package dev.pitwall.ops.canary;

import dev.pitwall.model.BackendKind;
import dev.pitwall.ops.guard.Lock;
import dev.pitwall.ops.guard.WriteIntent;
import dev.pitwall.ops.rollback.WorkloadRef;

/**
 * The write guard's view of each canary operation: which cluster the canary belongs to, which main workload (with
 * the UID it had), the lock (the canary's driver lease, or a fence on its version) and the confirmation.
 */
final class CanaryIntents {

    private final CanaryCluster cluster;

    CanaryIntents(CanaryCluster cluster) {
        this.cluster = cluster;
    }

    /** "the canary of deployment ns/name": the lock's object, in refusals. */
    static String canaryOf(WorkloadRef workload) {
        return "the canary of " + workload;
    }

    /** Any write of {@code workload}'s canary, for what a production connection asks to be typed. */
    WriteIntent anyWrite(WorkloadRef workload) {
        return WriteIntent.of("canary", workload.toString(), BackendKind.KUBERNETES).confirmedAs(scope(workload));
    }

    /** A start, from what was just read on this connection: typed {@code <context>/<ns>/<name>} on production. */
    WriteIntent start(WorkloadRef workload, String uid, CanarySettings settings, Lock fence) {
        return about("canary.start", workload, uid).liveRead("check the preflight and start again")
                .lockedBy(fence).confirmedAs(scope(workload)).detail("image", settings.image());
    }

    /** Pause, resume, promote or abort by hand: confirmed like a start, under a fence, whoever drives. */
    WriteIntent control(String verb, CanaryRecord r, Lock fence) {
        return about("canary." + verb, r.workload(), r.workloadUid()).belongingTo(r.cluster(), "canary record",
                        elsewhere(r)).lockedBy(fence).confirmedAs(scope(r.workload()))
                .detail("phase", r.phase().name()).detail("step", r.stepText());
    }

    /** A driver's evaluation: its steps, promotion and gate-driven abort were confirmed when the canary started. */
    WriteIntent evaluation(CanaryRecord r, Lock lease) {
        return about("canary.evaluate", r.workload(), r.workloadUid()).belongingTo(r.cluster(), "canary record",
                elsewhere(r)).lockedBy(lease).automatic("a step of the canary, confirmed when it was started");
    }

    private WriteIntent about(String action, WorkloadRef workload, String uid) {
        return WriteIntent.of(action, workload.toString(), BackendKind.KUBERNETES)
                .workload(workload.toString(), uid, () -> cluster.uid(workload));
    }

    private static String scope(WorkloadRef workload) {
        return workload.namespace() + "/" + workload.name();
    }

    private static String elsewhere(CanaryRecord r) {
        return "a canary is changed only on the cluster and the workload it was started on (remove "
                + r.canaryName() + " there by hand if that workload is gone)";
    }
}
