package dev.pitwall.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.VolumeStatsSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Volume usage from each node's kubelet stats summary, read through the API server's node proxy
 * ({@code /api/v1/nodes/NODE/proxy/stats/summary}; needs the nodes/proxy permission). Reports every pod volume with
 * usage figures: PVC-backed ones (pvcRef) and emptyDirs alike, with the time the kubelet measured them.
 */
public final class KubeletVolumeStats implements VolumeStatsSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    /** Uses {@code client} without owning it. */
    public KubeletVolumeStats(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public List<VolumeUsage> read(String node) throws FeedException {
        String body;
        try {
            body = client.raw("/api/v1/nodes/" + node + "/proxy/stats/summary");
        } catch (KubernetesClientException e) {
            throw new FeedException(KubeErrors.describe(e), e);
        }
        if (body == null) {
            throw new FeedException("404: node " + node + " has no stats summary");
        }
        return parse(node, body);
    }

    static List<VolumeUsage> parse(String node, String body) throws FeedException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new FeedException("the stats summary of node " + node + " is not JSON", e);
        }
        JsonNode pods = root.path("pods");
        if (!pods.isArray()) {
            throw new FeedException("the stats summary of node " + node + " has no pods list");
        }
        List<VolumeUsage> out = new ArrayList<>();
        for (JsonNode pod : pods) {
            String namespace = pod.path("podRef").path("namespace").asText(null);
            String name = pod.path("podRef").path("name").asText(null);
            if (namespace == null || name == null) {
                continue;
            }
            for (JsonNode volume : pod.path("volume")) {
                JsonNode used = volume.get("usedBytes");
                JsonNode capacity = volume.get("capacityBytes");
                String volumeName = volume.path("name").asText(null);
                if (volumeName == null || used == null || !used.canConvertToLong() || capacity == null
                        || !capacity.canConvertToLong()) {
                    continue;
                }
                JsonNode pvc = volume.path("pvcRef").path("name");
                out.add(new VolumeUsage(namespace, name, volumeName, pvc.isTextual() ? pvc.asText() : null,
                        used.asLong(), capacity.asLong(), time(volume.path("time"))));
            }
        }
        return out;
    }

    /** When the kubelet measured a volume (its stats are cached, so this is not when they were read), or null. */
    private static Instant time(JsonNode time) {
        try {
            return time.isTextual() ? Instant.parse(time.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
