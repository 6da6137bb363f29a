package dev.pitwall.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The Table answers a real API server gives to "kubectl get" (which asks for {@code as=Table}), for the kinds the demo
 * cluster holds, with the columns of Kubernetes' own printers: a pod's READY, STATUS (ContainerCreating,
 * CrashLoopBackOff, Terminating) and RESTARTS; a workload's READY and UP-TO-DATE; an event's REASON and MESSAGE.
 * Ages are counted on the cluster's clock, so a simulated cluster shows the ages of its own time. Other kinds pass
 * through, and kubectl prints their names.
 */
final class ServerTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Instant> clock;
    private final Map<String, Printer> printers = Map.of(
            "Pod", new Printer(List.of(col("Name", 0), col("Ready", 0), col("Status", 0), col("Restarts", 0),
                    col("Age", 0), col("IP", 1), col("Node", 1)), this::podRow),
            "Deployment", new Printer(List.of(col("Name", 0), col("Ready", 0), col("Up-to-date", 0),
                    col("Available", 0), col("Age", 0), col("Containers", 1), col("Images", 1)), this::deploymentRow),
            "StatefulSet", new Printer(List.of(col("Name", 0), col("Ready", 0), col("Age", 0), col("Containers", 1),
                    col("Images", 1)), this::statefulSetRow),
            "ReplicaSet", new Printer(List.of(col("Name", 0), col("Desired", 0), col("Current", 0), col("Ready", 0),
                    col("Age", 0), col("Containers", 1), col("Images", 1)), this::replicaSetRow),
            "Event", new Printer(List.of(col("Last Seen", 0), col("Type", 0), col("Reason", 0), col("Object", 0),
                    col("Message", 0), col("Source", 1), col("First Seen", 1), col("Count", 1)), this::eventRow),
            "Node", new Printer(List.of(col("Name", 0), col("Status", 0), col("Roles", 0), col("Age", 0),
                    col("Version", 0), col("Internal-IP", 1)), this::nodeRow),
            "Namespace", new Printer(List.of(col("Name", 0), col("Status", 0), col("Age", 0)), this::namespaceRow),
            "PersistentVolumeClaim", new Printer(List.of(col("Name", 0), col("Status", 0), col("Volume", 0),
                    col("Capacity", 0), col("Access Modes", 0), col("StorageClass", 0), col("Age", 0)),
                    this::claimRow),
            "ControllerRevision", new Printer(List.of(col("Name", 0), col("Controller", 0), col("Revision", 0),
                    col("Age", 0)), this::revisionRow));

    ServerTables(Supplier<Instant> clock) {
        this.clock = clock;
    }

    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** The body as a Table, if it is an object or a list of a kind with a printer. */
    Optional<String> render(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.has("items")) {
            root.path("items").forEach(items::add);
        } else {
            items.add(root);
        }
        String kind = items.isEmpty() ? listedKind(root) : items.get(0).path("kind").asText();
        Printer printer = printers.get(kind);
        if (printer == null) {
            return Optional.empty();
        }
        Instant now = clock.get();
        ObjectNode table = JSON.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", root.path("metadata").path("resourceVersion").asText(""));
        ArrayNode columns = table.putArray("columnDefinitions");
        printer.columns().forEach(columns::add);
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            printer.row().apply(item, now).forEach(cells::add);
            ObjectNode object = row.putObject("object");
            object.put("kind", "PartialObjectMetadata");
            object.put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata"));
        }
        return Optional.of(table.toString());
    }

    private static String listedKind(JsonNode list) {
        String kind = list.path("kind").asText();
        return kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : kind;
    }

    private List<String> podRow(JsonNode pod, Instant now) {
        JsonNode containers = pod.path("status").path("containerStatuses");
        int ready = 0;
        int restarts = 0;
        Instant lastRestart = null;
        String status = pod.path("status").path("phase").asText("Pending");
        for (JsonNode container : containers) {
            ready += container.path("ready").asBoolean() ? 1 : 0;
            restarts += container.path("restartCount").asInt();
            Instant finished = time(container.path("lastState").path("terminated").path("finishedAt"));
            lastRestart = finished != null && (lastRestart == null || finished.isAfter(lastRestart)) ? finished
                    : lastRestart;
            String waiting = container.path("state").path("waiting").path("reason").asText("");
            String terminated = container.path("state").path("terminated").path("reason").asText("");
            status = !waiting.isEmpty() ? waiting : !terminated.isEmpty() ? terminated : status;
        }
        if (!pod.path("metadata").path("deletionTimestamp").isMissingNode()) {
            status = "Terminating";
        }
        int total = pod.path("spec").path("containers").size();
        return List.of(name(pod), ready + "/" + total, status,
                lastRestart == null ? String.valueOf(restarts) : restarts + " (" + age(lastRestart, now) + " ago)",
                age(pod, now), text(pod.path("status").path("podIP")), text(pod.path("spec").path("nodeName")));
    }

    private List<String> deploymentRow(JsonNode deployment, Instant now) {
        JsonNode status = deployment.path("status");
        return List.of(name(deployment), status.path("readyReplicas").asInt() + "/"
                        + deployment.path("spec").path("replicas").asInt(1), status.path("updatedReplicas").asText("0"),
                status.path("availableReplicas").asText("0"), age(deployment, now), containers(deployment, "name"),
                containers(deployment, "image"));
    }

    private List<String> statefulSetRow(JsonNode set, Instant now) {
        return List.of(name(set), set.path("status").path("readyReplicas").asInt() + "/"
                + set.path("spec").path("replicas").asInt(1), age(set, now), containers(set, "name"),
                containers(set, "image"));
    }

    private List<String> replicaSetRow(JsonNode set, Instant now) {
        JsonNode status = set.path("status");
        return List.of(name(set), set.path("spec").path("replicas").asText("1"), status.path("replicas").asText("0"),
                status.path("readyReplicas").asText("0"), age(set, now), containers(set, "name"),
                containers(set, "image"));
    }

    private List<String> eventRow(JsonNode event, Instant now) {
        JsonNode involved = event.path("involvedObject");
        Instant last = time(event.path("lastTimestamp"));
        Instant first = time(event.path("firstTimestamp"));
        return List.of(last == null ? "<unknown>" : age(last, now), text(event.path("type")),
                text(event.path("reason")), involved.path("kind").asText().toLowerCase() + "/"
                        + involved.path("name").asText(), text(event.path("message")),
                text(event.path("source").path("component")), first == null ? "<unknown>" : age(first, now),
                event.path("count").asText("1"));
    }

    private List<String> nodeRow(JsonNode node, Instant now) {
        String ready = "Unknown";
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                ready = condition.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        String internalIp = "<none>";
        for (JsonNode address : node.path("status").path("addresses")) {
            if (address.path("type").asText().equals("InternalIP")) {
                internalIp = address.path("address").asText();
            }
        }
        return List.of(name(node), ready, "<none>", age(node, now),
                text(node.path("status").path("nodeInfo").path("kubeletVersion")), internalIp);
    }

    private List<String> namespaceRow(JsonNode namespace, Instant now) {
        return List.of(name(namespace), namespace.path("status").path("phase").asText("Active"), age(namespace, now));
    }

    private List<String> claimRow(JsonNode claim, Instant now) {
        List<String> modes = new ArrayList<>();
        claim.path("status").path("accessModes").forEach(m -> modes.add(switch (m.asText()) {
            case "ReadWriteOnce" -> "RWO";
            case "ReadOnlyMany" -> "ROX";
            case "ReadWriteMany" -> "RWX";
            default -> m.asText();
        }));
        return List.of(name(claim), text(claim.path("status").path("phase")),
                text(claim.path("spec").path("volumeName")), text(claim.path("status").path("capacity").path("storage")),
                String.join(",", modes), text(claim.path("spec").path("storageClassName")), age(claim, now));
    }

    private List<String> revisionRow(JsonNode revision, Instant now) {
        String controller = "<none>";
        for (JsonNode owner : revision.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean()) {
                controller = owner.path("kind").asText().toLowerCase() + ".apps/" + owner.path("name").asText();
            }
        }
        return List.of(name(revision), controller, revision.path("revision").asText(), age(revision, now));
    }

    private static String containers(JsonNode workload, String field) {
        List<String> values = new ArrayList<>();
        workload.path("spec").path("template").path("spec").path("containers")
                .forEach(c -> values.add(c.path(field).asText()));
        return String.join(",", values);
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? "<none>" : value.asText();
    }

    private static String age(JsonNode object, Instant now) {
        Instant created = time(object.path("metadata").path("creationTimestamp"));
        return created == null ? "<unknown>" : age(created, now);
    }

    private static Instant time(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Kubernetes' short human durations: 45s, 7m30s, 95m, 5h20m, 30h, 3d4h, 41d, 2y30d. */
    static String age(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        long seconds = d.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long days = (hours / 24) % 365;
        return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }

    private static ObjectNode col(String name, int priority) {
        ObjectNode column = JSON.createObjectNode();
        column.put("name", name);
        column.put("type", "string");
        column.put("format", name.equals("Name") ? "name" : "");
        column.put("description", "");
        column.put("priority", priority);
        return column;
    }

    private record Printer(List<ObjectNode> columns, BiFunction<JsonNode, Instant, List<String>> row) {
    }
}
