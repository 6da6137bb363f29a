package dev.pitwall.ops.fleet;

/**
 * A ReplicaSet (revision from {@code deployment.kubernetes.io/revision}) or a ControllerRevision (its
 * {@code .revision}): where a pod's revision number comes from.
 *
 * @param ownerName the Deployment or StatefulSet that owns it, or null
 * @param revision  the revision number, or null when the object carries none
 */
public record RevisionState(String kind, String namespace, String name, String ownerKind, String ownerName,
                            Long revision) {

    public String key() {
        return namespace + "/" + name;
    }
}
