package dev.pitwall.ops.canary;

import dev.pitwall.ops.guard.Guarded;
import dev.pitwall.ops.guard.Permit;
import dev.pitwall.ops.guard.WriteConflict;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The writes of one guarded canary operation, fenced by the canary workload's version: its control changes are
 * conditioned on the version the operation's lease or fence read (then on the one each write answered), and a write
 * to the main workload happens only while the canary is still at the version this operation left it at. So an
 * operation that lost a race (a driver mid-evaluation when someone aborted) stops at its next write with a
 * {@link WriteConflict} instead of undoing the other's change. (Two objects cannot change atomically: what remains
 * is the moment between that check and the main workload's write.)
 */
final class CanaryWrites {

    private final CanaryCluster cluster;
    private final Guarded<CanaryChange, String> port;
    private final Permit permit;
    private final WorkloadRef workload;
    private String version;

    /** @param version the canary's version the operation read (null: it has no canary workload) */
    CanaryWrites(CanaryCluster cluster, Guarded<CanaryChange, String> port, Permit permit, WorkloadRef workload,
                 String version) {
        this.cluster = cluster;
        this.port = port;
        this.permit = permit;
        this.workload = workload;
        this.version = version;
    }

    boolean hasCanary() {
        return version != null;
    }

    void create(CanarySettings settings, int replicas, Map<String, String> annotations) {
        version = port.write(permit, new CanaryChange.Create(workload, settings.image(), settings.env(),
                settings.envFromSecret(), replicas, annotations));
    }

    /** The canary's replicas (unless negative) and control annotations, against the version last read or written. */
    void control(int replicas, Map<String, String> annotations) {
        Objects.requireNonNull(version, "no canary workload to change");
        version = port.write(permit, new CanaryChange.Update(workload, version, replicas, annotations));
    }

    void scaleMain(int replicas) {
        stillOurs();
        port.write(permit, new CanaryChange.ScaleMain(workload, replicas));
    }

    /** The main workload gets the canary's template, and {@code replicas} again. */
    void promote(CanarySettings settings, int replicas) {
        stillOurs();
        port.write(permit, new CanaryChange.Promote(workload, settings.image(), settings.env(),
                settings.envFromSecret(), replicas));
    }

    void delete() {
        port.write(permit, new CanaryChange.Delete(workload));
    }

    private void stillOurs() {
        if (version == null) {
            return;
        }
        Optional<String> now = cluster.canary(workload).map(CanaryCluster.CanaryObject::version);
        if (!now.equals(Optional.of(version))) {
            throw new WriteConflict("the canary of " + workload + " was changed by another process", null);
        }
    }
}
