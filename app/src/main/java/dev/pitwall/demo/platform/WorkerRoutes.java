package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The worker-machine endpoints: the workers' last heartbeats with their status, and queue depths. */
final class WorkerRoutes {

    private final PlatformSimulator platform;

    WorkerRoutes(PlatformSimulator platform) {
        this.platform = platform;
    }

    /** [{id, information: MachineInformation, status: ONLINE|OFFLINE, updated}], one per worker ever seen. */
    JsonNode list() {
        ArrayNode json = FlowJobs.JSON.createArrayNode();
        for (Heartbeats.Machine machine : platform.workerMachines()) {
            ObjectNode entry = json.addObject();
            entry.put("id", machine.workerId());
            entry.set("information", machine.information());
            entry.put("status", platform.online(machine) ? "ONLINE" : "OFFLINE");
            entry.put("updated", RunJson.time(machine.updatedAt()));
        }
        return json;
    }

    JsonNode queueMetrics() {
        ObjectNode json = FlowJobs.JSON.createObjectNode();
        ArrayNode queues = json.putArray("queues");
        for (QueueMetric metric : platform.queueMetrics()) {
            queues.addObject().put("name", metric.name()).put("waiting", metric.waiting())
                    .put("active", metric.active());
        }
        return json;
    }
}
