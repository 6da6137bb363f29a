package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The flow-run endpoints: list, one run, counts by status, single and bulk retry, and the webhook that starts one. */
final class FlowRunRoutes {

    private final PlatformSimulator platform;

    FlowRunRoutes(PlatformSimulator platform) {
        this.platform = platform;
    }

    JsonNode list(ApiRequest request) {
        RunQuery query = RunQueries.fromQuery(request);
        RunPage page = platform.page(query, RunQueries.cursor(request), RunQueries.limit(request));
        ObjectNode json = FlowJobs.JSON.createObjectNode();
        json.set("data", RunJson.runs(page.data()));
        json.put("next", page.next());
        json.put("previous", page.previous());
        return json;
    }

    JsonNode get(String id) {
        return platform.run(id).map(RunJson::run).orElseThrow(() -> notFound(id));
    }

    /** {"SUCCEEDED": n, "FAILED": n, ...}: every status, zero included, so clients need no defaults. */
    JsonNode countByStatus(ApiRequest request) {
        Map<RunStatus, Integer> counts = platform.countByStatus(RunQueries.fromQuery(request));
        ObjectNode json = FlowJobs.JSON.createObjectNode();
        for (RunStatus status : RunStatus.values()) {
            json.put(status.name(), counts.getOrDefault(status, 0));
        }
        return json;
    }

    JsonNode retryOne(String id, ApiRequest request) {
        JsonNode body = request.json();
        RetryStrategy strategy = RunQueries.strategy(body);
        String projectId = RunQueries.requiredText(body, "projectId");
        RetryOutcome outcome = platform.retry(id, projectId, strategy);
        if (outcome.ok()) {
            return RunJson.run(outcome.run());
        }
        if (RetryOutcome.NOT_FOUND.equals(outcome.errorCode())) {
            throw notFound(id);
        }
        throw new ApiException(409, outcome.errorMessage(), outcome.errorCode());
    }

    JsonNode retryBulk(ApiRequest request) {
        JsonNode body = request.json();
        RetryStrategy strategy = RunQueries.strategy(body);
        RunQuery filters = RunQueries.fromBody(body);
        List<String> ids = RunQueries.strings(body, "flowRunIds");
        List<RetryOutcome> outcomes = platform.retryBulk(filters.projectId(), strategy, ids, filters);
        ArrayNode json = FlowJobs.JSON.createArrayNode();
        outcomes.forEach(o -> json.add(RunJson.outcome(o)));
        return json;
    }

    /**
     * {@code POST /api/v1/webhooks/{flowId}}: starts a run with the body as payload (any body). Answers
     * {@code {"runId": ...}}; the real platform's asynchronous webhook answers without the id, and clients then find
     * the run among the flow's newest runs.
     */
    JsonNode trigger(String flowId) {
        return FlowJobs.JSON.createObjectNode().put("runId", platform.trigger(flowId).id());
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "flow run " + id + " not found", RetryOutcome.NOT_FOUND);
    }
}
