package dev.pitwall.ops.rollback;

import java.util.List;

/** A port: the cache volumes of a workload's pods, as their kubelets last reported them. */
public interface CacheVolumes {

    /** One volume per pod that has one; throws {@link ClusterException} when the usage cannot be known. */
    List<CacheVolume> of(WorkloadRef workload);

    /**
     * @param fullInSeconds when the volume fills up at its current rate, or null when it is not filling
     */
    record CacheVolume(String pod, long usedBytes, long capacityBytes, Long fullInSeconds) {

        public double share() {
            return capacityBytes <= 0 ? 0 : (double) usedBytes / capacityBytes;
        }
    }
}
