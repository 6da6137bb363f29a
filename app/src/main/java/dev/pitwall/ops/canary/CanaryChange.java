package dev.pitwall.ops.canary;

import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.Map;

/**
 * One write a canary makes, through the canary's write port ({@link CanaryCluster#write}): the answer is the changed
 * object's resourceVersion. The canary workload's own changes after its creation are conditioned on its version, so
 * that of two processes that read the same canary only one changes it ({@link dev.pitwall.ops.guard.WriteConflict}
 * for the other).
 */
public sealed interface CanaryChange {

    WorkloadRef workload();

    /**
     * Creates the canary: the main workload's copy with {@code image}, {@code env} set (and {@code envFromSecret} as
     * references to Secrets), and these annotations; a conflict when it exists already.
     */
    record Create(WorkloadRef workload, String image, Map<String, String> env,
                  Map<String, SecretKeyRef> envFromSecret, int replicas, Map<String, String> annotations)
            implements CanaryChange {
        public Create {
            env = Map.copyOf(env);
            envFromSecret = Map.copyOf(envFromSecret);
            annotations = Map.copyOf(annotations);
        }
    }

    /**
     * Sets the canary's replicas (unless negative) and merges these annotations into its own, if it is still at
     * {@code version}; a conflict when it changed or is gone.
     */
    record Update(WorkloadRef workload, String version, int replicas, Map<String, String> annotations)
            implements CanaryChange {
        public Update {
            annotations = Map.copyOf(annotations);
        }
    }

    /** Deletes the canary workload (nothing when it is gone already). */
    record Delete(WorkloadRef workload) implements CanaryChange {
    }

    /** Sets the main workload's replicas. */
    record ScaleMain(WorkloadRef workload, int replicas) implements CanaryChange {
    }

    /** Promotion: the main workload gets the new image and env, and {@code replicas} again. */
    record Promote(WorkloadRef workload, String image, Map<String, String> env,
                   Map<String, SecretKeyRef> envFromSecret, int replicas) implements CanaryChange {
        public Promote {
            env = Map.copyOf(env);
            envFromSecret = Map.copyOf(envFromSecret);
        }
    }
}
