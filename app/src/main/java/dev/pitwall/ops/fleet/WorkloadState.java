package dev.pitwall.ops.fleet;

/**
 * A worker Deployment or StatefulSet.
 *
 * @param kind    "Deployment" or "StatefulSet"
 * @param desired spec.replicas (null when unset)
 * @param ready   status.readyReplicas (null when the status is empty)
 */
public record WorkloadState(String kind, String namespace, String name, Integer desired, Integer ready) {

    public String key() {
        return key(kind, namespace, name);
    }

    public static String key(String kind, String namespace, String name) {
        return kind + ":" + namespace + "/" + name;
    }
}
