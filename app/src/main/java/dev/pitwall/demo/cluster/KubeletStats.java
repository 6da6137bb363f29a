package dev.pitwall.demo.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves each node's kubelet stats summary ({@code /api/v1/nodes/{node}/proxy/stats/summary}, the path the API
 * server proxies to the kubelet) from the latest published snapshot, in the kubelet's format: the node, then per pod
 * its podRef, containers and volumes (a PVC-backed volume names its claim in pvcRef).
 */
final class KubeletStats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1024L * 1024 * 1024;

    private final Supplier<ClusterSnapshot> snapshot;
    private final Instant nodesBooted;

    KubeletStats(Supplier<ClusterSnapshot> snapshot, Instant nodesBooted) {
        this.snapshot = snapshot;
        this.nodesBooted = nodesBooted;
    }

    static String path(String node) {
        return "/api/v1/nodes/" + node + "/proxy/stats/summary";
    }

    /** Answers the summary path of each node, computed anew for every request. */
    void serve(KubernetesMockServer server, List<String> nodes) {
        for (String node : nodes) {
            server.expect().get().withPath(path(node)).andReply(200, request -> summary(node)).always();
        }
    }

    String summary(String node) {
        ClusterSnapshot current = snapshot.get();
        String time = current.at().toString();
        List<ClusterSnapshot.PodSample> pods = current.podsByNode().getOrDefault(node, List.of());
        ObjectNode root = JSON.createObjectNode();
        ObjectNode nodeStats = root.putObject("node");
        nodeStats.put("nodeName", node);
        nodeStats.put("startTime", nodesBooted.toString());
        long podCpu = pods.stream().mapToLong(ClusterSnapshot.PodSample::cpuNanoCores).sum();
        long podMemory = pods.stream().mapToLong(ClusterSnapshot.PodSample::memoryBytes).sum();
        cpu(nodeStats.putObject("cpu"), time, podCpu + 180_000_000L, 0);
        memory(nodeStats.putObject("memory"), time, podMemory + 1_400_000_000L).put("availableBytes",
                16 * GIB - podMemory - 1_400_000_000L);
        filesystem(nodeStats.putObject("fs"), time, 100 * GIB, 31 * GIB);
        filesystem(nodeStats.putObject("runtime").putObject("imageFs"), time, 100 * GIB, 9 * GIB);
        ArrayNode podArray = root.putArray("pods");
        for (ClusterSnapshot.PodSample pod : pods) {
            podArray.add(pod(pod, time, current.at()));
        }
        return root.toString();
    }

    private static ObjectNode pod(ClusterSnapshot.PodSample pod, String time, Instant at) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode ref = out.putObject("podRef");
        ref.put("name", pod.name());
        ref.put("namespace", pod.namespace());
        ref.put("uid", pod.uid());
        out.put("startTime", pod.created().toString());
        ArrayNode containers = out.putArray("containers");
        if (pod.containerStarted() != null) {
            ObjectNode container = containers.addObject();
            container.put("name", pod.container());
            container.put("startTime", pod.containerStarted().toString());
            cpu(container.putObject("cpu"), time, pod.cpuNanoCores(), ClusterSnapshot.cpuCoreNanoSeconds(pod, at));
            memory(container.putObject("memory"), time, pod.memoryBytes());
            filesystem(container.putObject("rootfs"), time, 100 * GIB, 48 * 1024 * 1024);
            filesystem(container.putObject("logs"), time, 100 * GIB, 2 * 1024 * 1024);
        }
        cpu(out.putObject("cpu"), time, pod.cpuNanoCores(), ClusterSnapshot.cpuCoreNanoSeconds(pod, at));
        memory(out.putObject("memory"), time, pod.memoryBytes());
        ArrayNode volumes = out.putArray("volume");
        for (ClusterSnapshot.VolumeSample volume : pod.volumes()) {
            ObjectNode entry = volumes.addObject();
            filesystem(entry, time, volume.capacityBytes(), volume.usedBytes());
            entry.put("name", volume.name());
            if (volume.claimName() != null) {
                ObjectNode claim = entry.putObject("pvcRef");
                claim.put("name", volume.claimName());
                claim.put("namespace", pod.namespace());
            }
        }
        return out;
    }

    private static void cpu(ObjectNode cpu, String time, long nanoCores, long coreNanoSeconds) {
        cpu.put("time", time);
        cpu.put("usageNanoCores", nanoCores);
        cpu.put("usageCoreNanoSeconds", coreNanoSeconds);
    }

    private static ObjectNode memory(ObjectNode memory, String time, long bytes) {
        memory.put("time", time);
        memory.put("usageBytes", bytes + bytes / 8);
        memory.put("workingSetBytes", bytes);
        memory.put("rssBytes", bytes - bytes / 10);
        memory.put("pageFaults", 0);
        memory.put("majorPageFaults", 0);
        return memory;
    }

    private static void filesystem(ObjectNode fs, String time, long capacity, long used) {
        fs.put("time", time);
        fs.put("availableBytes", Math.max(0, capacity - used));
        fs.put("capacityBytes", capacity);
        fs.put("usedBytes", used);
        long inodes = capacity / 4096;
        long inodesUsed = used / 8192;
        fs.put("inodesFree", Math.max(0, inodes - inodesUsed));
        fs.put("inodes", inodes);
        fs.put("inodesUsed", inodesUsed);
    }
}
