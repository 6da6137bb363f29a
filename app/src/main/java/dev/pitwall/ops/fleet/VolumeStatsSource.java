package dev.pitwall.ops.fleet;

import java.time.Instant;
import java.util.List;

/** A port: the volume usage a node's kubelet reports (stats summary). */
public interface VolumeStatsSource {

    /** Every pod volume on {@code node} that the kubelet reports usage for. */
    List<VolumeUsage> read(String node) throws FeedException;

    /**
     * One pod volume.
     *
     * @param volume the pod's volume name
     * @param pvc    the PersistentVolumeClaim behind it, or null (emptyDir)
     * @param at     when the kubelet measured it, or null when it does not say
     */
    record VolumeUsage(String namespace, String pod, String volume, String pvc, long usedBytes, long capacityBytes,
                       Instant at) {

        /** A usage whose time the kubelet does not say. */
        public VolumeUsage(String namespace, String pod, String volume, String pvc, long usedBytes,
                           long capacityBytes) {
            this(namespace, pod, volume, pvc, usedBytes, capacityBytes, null);
        }
    }
}
