package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Flow runs and retry outcomes as the platform API's JSON. Timestamps are ISO-8601 UTC with milliseconds. */
final class RunJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RunJson() {
    }

    static ObjectNode run(FlowRunSnapshot run) {
        ObjectNode json = FlowJobs.JSON.createObjectNode();
        json.put("id", run.id());
        json.put("created", time(run.created()));
        Instant updated = run.finishTime() != null ? run.finishTime()
                : run.startTime() != null ? run.startTime() : run.created();
        json.put("updated", time(updated));
        json.put("projectId", run.projectId());
        json.put("flowId", run.flowId());
        json.put("flowVersionId", run.flowVersionId());
        json.put("environment", "PRODUCTION");
        json.put("status", run.status().name());
        json.put("startTime", time(run.startTime()));
        json.put("finishTime", time(run.finishTime()));
        json.put("logsFileId", FlowJobs.logsFileId(run.id()));
        if (run.failedStep() == null) {
            json.putNull("failedStep");
        } else {
            json.putObject("failedStep")
                    .put("name", run.failedStep().name())
                    .put("displayName", run.failedStep().displayName())
                    .put("message", run.failedStep().message());
        }
        json.putArray("tags");
        json.putNull("parentRunId");
        json.put("stepsCount", run.stepsCount());
        json.putNull("archivedAt");
        json.put("workerId", run.workerId());
        return json;
    }

    static ArrayNode runs(List<FlowRunSnapshot> runs) {
        ArrayNode array = FlowJobs.JSON.createArrayNode();
        runs.forEach(r -> array.add(run(r)));
        return array;
    }

    /** A bulk retry's answer for one run: the run, plus {@code error} when it was not retried. */
    static ObjectNode outcome(RetryOutcome outcome) {
        ObjectNode json = outcome.run() != null ? run(outcome.run())
                : FlowJobs.JSON.createObjectNode().put("id", outcome.requestedId());
        if (!outcome.ok()) {
            json.putObject("error").put("errorCode", outcome.errorCode()).put("errorMessage", outcome.errorMessage());
        }
        return json;
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
