package dev.pitwall.ops.canary;

import dev.pitwall.ops.guard.LeaseStore;
import dev.pitwall.ops.guard.WritePort;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A port: what a canary needs from the cluster. The canary workload is named {@code <name>-canary}, has the main
 * workload's kind, labels, queue and template with the new image and env, plus the labels
 * {@link CanaryAnnotations#CANARY_LABEL} and {@link CanaryAnnotations#CANARY_OF_LABEL}; its control state is in
 * annotations. Every method may throw {@link dev.pitwall.ops.rollback.ClusterException}. Its writes ({@link #write} of
 * a {@link CanaryChange}, and its {@link #lease}'s) are write ports: only the guard calls them, the engine writes
 * through their guarded form.
 */
public interface CanaryCluster extends WritePort<CanaryChange, String>, AutoCloseable {

    @Override
    default void close() {
    }

    static String canaryName(WorkloadRef workload) {
        return workload.name() + "-canary";
    }

    /** The worker workloads a canary can be made of (canaries themselves excluded), by namespace and name. */
    List<WorkloadRef> workloads();

    /** The main workload now. */
    MainWorkload main(WorkloadRef workload);

    /** The canary workload of {@code workload}, if there is one. */
    Optional<CanaryObject> canary(WorkloadRef workload);

    /** The main workload's UID now, empty when it no longer exists (one recreated under its name has another). */
    Optional<String> uid(WorkloadRef workload);

    /**
     * The driver lease on {@code workload}'s canary workload ({@link CanaryAnnotations#DRIVER},
     * {@link CanaryAnnotations#DRIVEN_UNTIL}), taken by optimistic-concurrency writes on its resourceVersion.
     */
    LeaseStore lease(WorkloadRef workload);

    /** The pods of the canary ({@code canary} true) or the main workload's own pods (without the canary's). */
    List<CanaryPod> pods(WorkloadRef workload, boolean canary);

    /** Whether the current credentials may {@code verb} the resource (a SelfSubjectAccessReview). */
    boolean allowed(String verb, String group, String resource, String namespace, String name);

    /**
     * The main workload as a canary sees it.
     *
     * @param env        the first container's env (literal values only)
     * @param claimBytes the cache claim or emptyDir size limit per pod, 0 when unknown
     * @param uid        the workload's UID
     */
    record MainWorkload(WorkloadRef ref, int replicas, int updatedReplicas, int readyReplicas, long generation,
                        long observedGeneration, String image, Map<String, String> env, long claimBytes,
                        String uid) {

        public MainWorkload {
            env = Map.copyOf(env);
        }
    }

    /** The canary workload: its replicas, annotations (the control state) and resourceVersion. */
    record CanaryObject(String name, int replicas, int readyReplicas, Map<String, String> annotations,
                        String version) {

        public CanaryObject {
            annotations = Map.copyOf(annotations);
        }
    }

    /** One pod of the canary or of the main workload. */
    record CanaryPod(String name, String node, String image, boolean ready, String waitingReason, int restarts,
                     Instant startedAt) {

        public boolean crashLooping() {
            return "CrashLoopBackOff".equals(waitingReason);
        }
    }
}
