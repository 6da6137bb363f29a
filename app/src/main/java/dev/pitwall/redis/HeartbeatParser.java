package dev.pitwall.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.model.Heartbeat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one {@code workerMachines} entry (Activepieces MachineInformation JSON). Lenient about types (numbers sent as
 * strings, props as numbers), strict about the shape: an entry that is not a JSON object is a problem, not a worker.
 */
final class HeartbeatParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome for the hash field: a heartbeat (possibly with a problem about one field), or only a problem. */
    record Parsed(String field, Heartbeat heartbeat, String problem) {
    }

    private HeartbeatParser() {
    }

    static Parsed parse(String field, String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return new Parsed(field, null, "workerMachines entry '" + field + "' is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Parsed(field, null, "workerMachines entry '" + field + "' is not a JSON object");
        }
        String workerId = text(root.get("workerId"));
        if (workerId == null) {
            workerId = field;
        }
        JsonNode disk = root.path("diskInfo");
        JsonNode props = root.path("workerProps");
        String problem = null;
        Instant updatedAt = null;
        String updatedText = text(root.get("updatedAt"));
        if (updatedText != null) {
            try {
                // ISO-8601 as Activepieces writes it; epoch milliseconds from writers that store a number
                updatedAt = updatedText.chars().allMatch(Character::isDigit)
                        ? Instant.ofEpochMilli(Long.parseLong(updatedText)) : Instant.parse(updatedText);
            } catch (DateTimeParseException | NumberFormatException e) {
                problem = "heartbeat of worker " + workerId + " has an unreadable updatedAt '" + updatedText + "'";
            }
        }
        Heartbeat h = new Heartbeat(workerId, text(root.get("ip")),
                number(root.get("cpuUsagePercentage")), number(root.get("ramUsagePercentage")),
                whole(root.get("totalAvailableRamInBytes")), integer(root.get("totalCpuCores")),
                disk.isObject() ? new Heartbeat.Disk(whole(disk.get("total")), whole(disk.get("free")),
                        whole(disk.get("used")), number(disk.get("percentage"))) : null,
                text(props.get("EXECUTION_MODE")), text(props.get("WORKER_CONCURRENCY")),
                text(props.get("SANDBOX_MEMORY_LIMIT")), text(props.get("REUSE_SANDBOX")),
                text(props.get("version")), sandboxes(root.get("sandboxes")), updatedAt);
        return new Parsed(field, h, problem);
    }

    private static List<Heartbeat.Sandbox> sandboxes(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<Heartbeat.Sandbox> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (s.isObject()) {
                JsonNode busy = s.get("busy");
                out.add(new Heartbeat.Sandbox(text(s.get("sandboxId")), text(s.get("boxId")),
                        busy != null && (busy.asBoolean() || "true".equalsIgnoreCase(busy.asText())),
                        whole(s.get("memoryUsageBytes"))));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    private static Double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(JsonNode n) {
        Double d = number(n);
        return d == null ? null : d.longValue();
    }

    private static Integer integer(JsonNode n) {
        Double d = number(n);
        return d == null ? null : d.intValue();
    }
}
