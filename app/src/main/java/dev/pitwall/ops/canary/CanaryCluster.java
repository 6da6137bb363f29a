package dev.pitwall.ops.canary;

import dev.pitwall.ops.rollback.WorkloadRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A port: what a canary needs from the cluster. The canary workload is named {@code <name>-canary}, has the main
 * workload's kind, labels, queue and template with the new image and env, plus the labels
 * {@link CanaryAnnotations#CANARY_LABEL} and {@link CanaryAnnotations#CANARY_OF_LABEL}; its control state is in
 * annotations. Every method may throw {@link dev.pitwall.ops.rollback.ClusterException}.
 */
public interface CanaryCluster extends AutoCloseable {

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

    /**
     * Creates the canary: the main workload's copy with {@code image}, {@code env} set (and {@code envFromSecret} as
     * references to Secrets), and these annotations.
     */
    void createCanary(WorkloadRef workload, String image, Map<String, String> env,
                      Map<String, SecretKeyRef> envFromSecret, int replicas, Map<String, String> annotations);

    /** Sets the canary's replicas (unless negative) and merges these annotations into its own. */
    void updateCanary(WorkloadRef workload, int replicas, Map<String, String> annotations);

    /** Deletes the canary workload (nothing when it is gone already). */
    void deleteCanary(WorkloadRef workload);

    void scaleMain(WorkloadRef workload, int replicas);

    /** Promotion: the main workload gets the new image and env, and {@code replicas} again. */
    void promote(WorkloadRef workload, String image, Map<String, String> env, Map<String, SecretKeyRef> envFromSecret,
                 int replicas);

    /** The pods of the canary ({@code canary} true) or the main workload's own pods (without the canary's). */
    List<CanaryPod> pods(WorkloadRef workload, boolean canary);

    /** Whether the current credentials may {@code verb} the resource (a SelfSubjectAccessReview). */
    boolean allowed(String verb, String group, String resource, String namespace, String name);

    /**
     * The main workload as a canary sees it.
     *
     * @param env        the first container's env (literal values only)
     * @param claimBytes the cache claim or emptyDir size limit per pod, 0 when unknown
     */
    record MainWorkload(WorkloadRef ref, int replicas, int updatedReplicas, int readyReplicas, long generation,
                        long observedGeneration, String image, Map<String, String> env, long claimBytes) {

        public MainWorkload {
            env = Map.copyOf(env);
        }
    }

    /** The canary workload: its replicas and annotations (the control state). */
    record CanaryObject(String name, int replicas, int readyReplicas, Map<String, String> annotations) {

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
