package dev.pitwall.ops.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cluster says about one worker pod, already reduced to the facts the fleet needs. Values the pod does not
 * have are null; the fold turns them into "unknown" with a reason.
 *
 * @param hasStatus             false when the pod has no status at all (not even a phase)
 * @param phase                 status.phase verbatim
 * @param restarts              restart count of the worker container
 * @param lastTerminationReason lastState.terminated.reason of the worker container (OOMKilled, Error, ...)
 * @param waitingReason         state.waiting.reason of the worker container (CrashLoopBackOff, ...)
 * @param image                 image of the worker container
 * @param env                   env of the worker container, secret values already masked
 * @param envFrom               whole ConfigMaps or Secrets loaded into the env ("configMap ap-env"): variables not in
 *                              {@code env} may still be set through them
 * @param ownerKind             kind of the controlling owner (ReplicaSet, StatefulSet, ...), or null
 * @param ownerName             its name
 * @param revisionName          the ReplicaSet (ownerName) or ControllerRevision (controller-revision-hash label) that
 *                              carries the pod's revision number, or null
 * @param podTemplateHash       the pod-template-hash label, to name the Deployment while its ReplicaSet is unseen
 * @param cacheVolume           the pod volume mounted at the worker's cache path, or null
 */
public record PodState(
        String namespace,
        String name,
        Map<String, String> labels,
        boolean hasStatus,
        String phase,
        Boolean ready,
        Integer restarts,
        String lastTerminationReason,
        String waitingReason,
        String node,
        String ip,
        String image,
        List<EnvVar> env,
        List<String> envFrom,
        String ownerKind,
        String ownerName,
        String revisionName,
        String podTemplateHash,
        String cacheVolume,
        Instant created) {

    public PodState {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        env = env == null ? List.of() : List.copyOf(env);
        envFrom = envFrom == null ? List.of() : List.copyOf(envFrom);
    }

    public String key() {
        return dev.pitwall.model.Worker.key(namespace, name);
    }

    /** The env var {@code name}, or null. */
    public EnvVar env(String name) {
        for (EnvVar v : env) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }
}
