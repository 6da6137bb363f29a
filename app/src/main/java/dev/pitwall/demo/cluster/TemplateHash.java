package dev.pitwall.demo.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash that names a revision of a pod template (the pod-template-hash of a ReplicaSet, the suffix of a
 * ControllerRevision). Two templates that mean the same get the same hash: map order, empty fields and the labels the
 * controllers add themselves do not count, so a rollback to an earlier template finds that template's revision again.
 */
final class TemplateHash {

    static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private TemplateHash() {
    }

    static String of(PodTemplateSpec template) {
        JsonNode tree = JSON.valueToTree(template);
        StringBuilder canonical = new StringBuilder();
        write(tree, "", canonical);
        int hash = FNV_OFFSET;
        for (byte b : canonical.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return Names.encodeHash(Integer.toUnsignedLong(hash));
    }

    private static void write(JsonNode node, String path, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!isEmpty(field.getValue()) && !(path + "/" + field.getKey())
                        .equals("/metadata/labels/" + POD_TEMPLATE_HASH)) {
                    sorted.put(field.getKey(), field.getValue());
                }
            }
            out.append('{');
            sorted.forEach((key, value) -> {
                out.append(JSON.getNodeFactory().textNode(key)).append(':');
                write(value, path + "/" + key, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode item : node) {
                write(item, path + "/*", out);
                out.append(',');
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty());
    }
}
