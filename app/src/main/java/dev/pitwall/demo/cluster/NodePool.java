package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo cluster's nodes as the scheduler and the kubelets see them: how many pods each runs, which pod IPs of its
 * range are taken, and which images it has pulled already (a pull takes time; a present image starts at once).
 */
final class NodePool {

    static final int NODE_COUNT = 4;
    private static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};

    private final Map<String, NodeState> nodes = new LinkedHashMap<>();

    NodePool() {
        for (int i = 1; i <= NODE_COUNT; i++) {
            nodes.put("node-" + i, new NodeState("node-" + i, i));
        }
    }

    List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    /** The Node objects to create, booted at {@code bootedAt}, with {@code images} already pulled. */
    List<Node> objects(Instant bootedAt, Set<String> images) {
        List<Node> objects = new ArrayList<>();
        for (NodeState node : nodes.values()) {
            node.images.addAll(images);
            objects.add(new NodeBuilder()
                    .withNewMetadata().withName(node.name).withCreationTimestamp(bootedAt.toString())
                    .addToLabels("kubernetes.io/hostname", node.name)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                    .addToLabels("node.kubernetes.io/instance-type", "m6i.xlarge")
                    .addToLabels("topology.kubernetes.io/zone", node.zone())
                    .endMetadata()
                    .withNewSpec().withPodCIDR("10.244." + node.index + ".0/24").withProviderID("aws:///"
                            + node.zone() + "/i-0" + Integer.toHexString(0x5ac0de0 + node.index)).endSpec()
                    .withNewStatus()
                    .addToCapacity("cpu", new Quantity("4")).addToCapacity("memory", new Quantity("16Gi"))
                    .addToCapacity("pods", new Quantity("110")).addToCapacity("ephemeral-storage", new Quantity("100Gi"))
                    .addToAllocatable("cpu", new Quantity("3920m")).addToAllocatable("memory", new Quantity("15Gi"))
                    .addToAllocatable("pods", new Quantity("110"))
                    .addToAllocatable("ephemeral-storage", new Quantity("95Gi"))
                    .addNewAddress().withType("InternalIP").withAddress(node.internalIp()).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(node.name).endAddress()
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withMessage("kubelet is posting ready status").withLastTransitionTime(bootedAt.toString())
                    .withLastHeartbeatTime(bootedAt.toString()).endCondition()
                    .withNewNodeInfo().withKubeletVersion("v1.32.3").withKubeProxyVersion("v1.32.3")
                    .withContainerRuntimeVersion("containerd://1.7.27").withOperatingSystem("linux")
                    .withArchitecture("amd64").withOsImage("Amazon Linux 2023.7.20250512")
                    .withKernelVersion("6.1.134-152.225.amzn2023.x86_64").withMachineID(node.name)
                    .withSystemUUID(node.name).withBootID(node.name).endNodeInfo()
                    .endStatus().build());
        }
        return objects;
    }

    /** The node with the fewest pods; ties are broken by the seeded source, like a scheduler's random pick. */
    String schedule(SplittableRandom random) {
        int fewest = nodes.values().stream().mapToInt(n -> n.pods).min().orElseThrow();
        List<NodeState> candidates = nodes.values().stream().filter(n -> n.pods == fewest).toList();
        NodeState chosen = candidates.get(random.nextInt(candidates.size()));
        chosen.pods++;
        return chosen.name;
    }

    /** The lowest free address of the node's pod range. */
    String assignIp(String node) {
        NodeState state = nodes.get(node);
        int host = state.takenIps.nextClearBit(2);
        state.takenIps.set(host);
        return "10.244." + state.index + "." + host;
    }

    /** The pod is gone from the node: its address and its scheduling slot are free again. */
    void release(String node, String ip) {
        NodeState state = nodes.get(node);
        state.pods--;
        if (ip != null) {
            state.takenIps.clear(Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1)));
        }
    }

    String internalIp(String node) {
        return nodes.get(node).internalIp();
    }

    boolean hasImage(String node, String image) {
        return nodes.get(node).images.contains(image);
    }

    void pulled(String node, String image) {
        nodes.get(node).images.add(image);
    }

    private static final class NodeState {
        final String name;
        final int index;
        final Set<String> images = new HashSet<>();
        final BitSet takenIps = new BitSet(256);
        int pods;

        NodeState(String name, int index) {
            this.name = name;
            this.index = index;
        }

        String internalIp() {
            return "10.0.1." + (10 + index);
        }

        String zone() {
            return ZONES[(index - 1) % ZONES.length];
        }
    }
}
