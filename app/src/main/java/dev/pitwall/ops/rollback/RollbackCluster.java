package dev.pitwall.ops.rollback;

import dev.pitwall.ops.guard.WritePort;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A port: what rollbacks need from the cluster. Every method may throw {@link ClusterException}. Closing it releases
 * the connection. Its writes ({@link #write}: a {@link Write}, answered with the object's new resourceVersion) are a
 * write port: only the guard calls them, engines write through the guarded form.
 */
public interface RollbackCluster extends WritePort<RollbackCluster.Write, String>, AutoCloseable {

    @Override
    default void close() {
    }

    /** The workload (Deployment first, then StatefulSet) of that name, if any. */
    Optional<WorkloadRef> find(String namespace, String name);

    /** Every revision still recorded for the workload, oldest first. */
    List<Revision> history(WorkloadRef workload);

    WorkloadState state(WorkloadRef workload);

    /** The workload's UID now, empty when it no longer exists (one recreated under the same name has another). */
    Optional<String> uid(WorkloadRef workload);

    /** A template (as the cluster's JSON) reduced like a revision, so that two templates can be compared. */
    Revision summarize(String templateJson);

    /** The data of a ConfigMap, empty when it does not exist. */
    Map<String, String> configMap(String namespace, String name);

    /** A digest of a Secret's data ("" when it does not exist): never the values. */
    String secretDigest(String namespace, String name);

    /** Whether the current credentials may {@code verb} the resource (a SelfSubjectAccessReview). */
    boolean allowed(String verb, String group, String resource, String namespace, String name);

    /** The server's dry run of a write: empty when accepted, else the server's reason. */
    Optional<String> dryRun(Write write);

    RolloutStatus rollout(WorkloadRef workload);

    /**
     * One write a rollback makes: a ConfigMap's data put back, or the workload's pod template replaced.
     *
     * @param data for a ConfigMap: its data; for a template: empty
     */
    record Write(Target target, String namespace, String name, Map<String, String> data, String templateJson,
                 WorkloadRef.Kind kind) {

        public enum Target { CONFIG_MAP, TEMPLATE }

        public static Write configMap(String namespace, String name, Map<String, String> data) {
            return new Write(Target.CONFIG_MAP, namespace, name, Map.copyOf(data), null, null);
        }

        public static Write template(WorkloadRef workload, String templateJson) {
            return new Write(Target.TEMPLATE, workload.namespace(), workload.name(), Map.of(), templateJson,
                    workload.kind());
        }

        /** The verb and resource an access check asks about before this write. */
        public String[] access() {
            return target == Target.CONFIG_MAP ? new String[]{"update", "", "configmaps"}
                    : new String[]{"patch", "apps", kind == WorkloadRef.Kind.DEPLOYMENT ? "deployments" : "statefulsets"};
        }

        public String describe() {
            return target == Target.CONFIG_MAP ? "restore ConfigMap " + namespace + "/" + name
                    : "write the target pod template to " + namespace + "/" + name;
        }
    }
}
