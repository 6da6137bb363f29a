package dev.pitwall.ops.canary;

import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one canary: kept in the local journal, its control fields also on the canary workload in the
 * cluster, so that another console or a restarted one carries on from here.
 *
 * @param mainReplicas  the main workload's replicas before the canary (it runs that many minus the canary's)
 * @param preRevision   the main workload's revision before the canary: what an abort after promotion returns to
 * @param planId        the tested rollback plan preflight accepted
 * @param queueBaseline jobs waiting in the queue when the canary started (-1 when not measured)
 * @param pausedAt      when the canary was paused (null unless PAUSED): the hold does not count paused time
 * @param abortReason   null unless ABORTED
 * @param cluster       the cluster the canary runs on (null in a journal of an older Pitwall: refused)
 * @param workloadUid   the main workload's UID when the canary started: one recreated under its name is another
 */
public record CanaryRecord(WorkloadRef workload, String canaryName, CanarySettings settings, CanaryPhase phase,
                           int step, int mainReplicas, Instant startedAt, Instant stepStartedAt, Instant pausedAt,
                           long preRevision, String planId, long queueBaseline, AbortReason abortReason,
                           List<GateReading> gates, List<TimelineEvent> timeline, TargetIdentity cluster,
                           String workloadUid) {

    public CanaryRecord {
        gates = gates == null ? List.of() : List.copyOf(gates);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public int canaryReplicas() {
        return settings.canaryReplicas(step, mainReplicas);
    }

    public boolean lastStep() {
        return step >= settings.steps().size() - 1;
    }

    /** "step 2 of 4 (25%)". */
    public String stepText() {
        return "step " + (step + 1) + " of " + settings.steps().size() + " (" + settings.steps().get(step) + "%, "
                + canaryReplicas() + " of " + mainReplicas + " pods)";
    }

    CanaryRecord withPhase(CanaryPhase next) {
        return new CanaryRecord(workload, canaryName, settings, next, step, mainReplicas, startedAt, stepStartedAt,
                next == CanaryPhase.PAUSED ? pausedAt : null, preRevision, planId, queueBaseline, abortReason, gates,
                timeline, cluster, workloadUid);
    }

    CanaryRecord paused(Instant at) {
        return new CanaryRecord(workload, canaryName, settings, CanaryPhase.PAUSED, step, mainReplicas, startedAt,
                stepStartedAt, at, preRevision, planId, queueBaseline, abortReason, gates, timeline,
                cluster, workloadUid);
    }

    CanaryRecord atStep(int next, Instant at) {
        return new CanaryRecord(workload, canaryName, settings, phase, next, mainReplicas, startedAt, at, pausedAt,
                preRevision, planId, queueBaseline, abortReason, gates, timeline, cluster, workloadUid);
    }

    /** Resumed: the hold of the current step does not count the paused time. */
    CanaryRecord resumed(Instant at) {
        Instant shifted = pausedAt == null ? stepStartedAt
                : stepStartedAt.plus(java.time.Duration.between(pausedAt, at));
        return new CanaryRecord(workload, canaryName, settings, CanaryPhase.RUNNING, step, mainReplicas, startedAt,
                shifted, null, preRevision, planId, queueBaseline, abortReason, gates, timeline, cluster, workloadUid);
    }

    CanaryRecord aborted(AbortReason reason) {
        return new CanaryRecord(workload, canaryName, settings, CanaryPhase.ABORTED, step, mainReplicas, startedAt,
                stepStartedAt, null, preRevision, planId, queueBaseline, reason, gates, timeline, cluster, workloadUid);
    }

    CanaryRecord withGates(List<GateReading> readings) {
        return new CanaryRecord(workload, canaryName, settings, phase, step, mainReplicas, startedAt, stepStartedAt,
                pausedAt, preRevision, planId, queueBaseline, abortReason, readings, timeline, cluster, workloadUid);
    }

    CanaryRecord noting(Instant at, String text) {
        List<TimelineEvent> more = new ArrayList<>(timeline);
        more.add(new TimelineEvent(at, text));
        return new CanaryRecord(workload, canaryName, settings, phase, step, mainReplicas, startedAt, stepStartedAt,
                pausedAt, preRevision, planId, queueBaseline, abortReason, gates, more, cluster, workloadUid);
    }

    /** The control fields as the cluster holds them (another process may have paused or promoted the canary). */
    CanaryRecord withControl(CanaryPhase phase, int step, Instant stepStartedAt, Instant pausedAt) {
        return new CanaryRecord(workload, canaryName, settings, phase, step, mainReplicas, startedAt, stepStartedAt,
                pausedAt, preRevision, planId, queueBaseline, abortReason, gates, timeline, cluster, workloadUid);
    }
}
