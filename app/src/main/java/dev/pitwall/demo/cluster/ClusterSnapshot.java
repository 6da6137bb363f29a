package dev.pitwall.demo.cluster;

import dev.pitwall.demo.world.DemoFleet;
import dev.pitwall.demo.world.SimWorker;
import io.fabric8.kubernetes.api.model.Volume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What the simulator publishes at the end of each tick for readers on other threads: the worker pods for the platform
 * simulator, and per node the pod figures its kubelet reports in the stats summary. Immutable.
 */
record ClusterSnapshot(Instant at, List<SimWorker> workers, Map<String, List<PodSample>> podsByNode) {

    static final ClusterSnapshot EMPTY = new ClusterSnapshot(Instant.EPOCH, List.of(), Map.of());

    private static final long MIB = 1024L * 1024;

    /** A pod as its node's stats summary shows it. */
    record PodSample(String namespace, String name, String uid, Instant created, String container,
                     Instant containerStarted, long cpuNanoCores, long memoryBytes, List<VolumeSample> volumes) {
    }

    /** A volume of a pod: the cache (with its claim, when it is a PVC) or the service-account token. */
    record VolumeSample(String name, long usedBytes, long capacityBytes, String claimName) {
    }

    /** {@code samples}: where the CPU and memory noise comes from (kept apart from the pods' own behaviour). */
    static ClusterSnapshot of(Instant now, Collection<SimPod> pods, SplittableRandom samples) {
        List<SimWorker> workers = new ArrayList<>();
        Map<String, List<PodSample>> byNode = new TreeMap<>();
        for (SimPod pod : pods) {
            if (pod.isWorker(DemoFleet.WORKER_LABEL_KEY, DemoFleet.WORKER_LABEL_VALUE)) {
                workers.add(worker(pod));
            }
            if (pod.stage() != SimPod.Stage.PENDING && pod.stage() != SimPod.Stage.GONE) {
                byNode.computeIfAbsent(pod.node(), node -> new ArrayList<>()).add(sample(pod, samples));
            }
        }
        byNode.replaceAll((node, list) -> List.copyOf(list));
        return new ClusterSnapshot(now, List.copyOf(workers), Map.copyOf(byNode));
    }

    private static SimWorker worker(SimPod pod) {
        String groupId = pod.env("AP_WORKER_GROUP_ID");
        CacheVolume cache = pod.cache();
        return new SimWorker(pod.namespace(), pod.name(), pod.podIp(), pod.node(), pod.owner().name(), groupId,
                groupId == null ? DemoFleet.SHARED_QUEUE : DemoFleet.queueOf(groupId), pod.image(),
                tagOf(pod.image()), pod.env("AP_EXECUTION_MODE"), concurrency(pod.env("AP_WORKER_CONCURRENCY")),
                pod.stage() == SimPod.Stage.RUNNING && pod.isReady(),
                cache == null ? 0 : cache.used(), cache == null ? DemoFleet.CACHE_BYTES : cache.capacity());
    }

    private static PodSample sample(SimPod pod, SplittableRandom samples) {
        boolean running = pod.stage() == SimPod.Stage.RUNNING || pod.stage() == SimPod.Stage.TERMINATING;
        long cpu = running ? (long) ((0.08 + samples.nextDouble() * 0.5) * 1e9) : 0;
        long memory = running ? (380 + samples.nextInt(260)) * MIB : 0;
        List<VolumeSample> volumes = new ArrayList<>();
        CacheVolume cache = pod.cache();
        if (cache != null) {
            volumes.add(new VolumeSample(CacheVolume.NAME, cache.used(), cache.capacity(), cache.claimName()));
        }
        for (Volume volume : pod.spec().getVolumes()) {
            if (volume.getProjected() != null) {
                volumes.add(new VolumeSample(volume.getName(), 12 * 1024, 4096 * MIB, null));
            }
        }
        return new PodSample(pod.namespace(), pod.name(), pod.uid(), pod.created(), pod.container().getName(),
                pod.startedAt(), cpu, memory, List.copyOf(volumes));
    }

    static String tagOf(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    private static int concurrency(String value) {
        try {
            return value == null ? 5 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 5; // the worker's default when the setting is unusable
        }
    }

    /** Seconds of CPU a container has used since it started, at its current rate (the summary's cumulative figure). */
    static long cpuCoreNanoSeconds(PodSample pod, Instant at) {
        if (pod.containerStarted() == null) {
            return 0;
        }
        return (long) (pod.cpuNanoCores() * (double) Duration.between(pod.containerStarted(), at).toSeconds());
    }
}
