package dev.pitwall.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.model.FlowRun;
import dev.pitwall.ops.runs.FlowRunSource;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RetryStrategy;
import dev.pitwall.ops.runs.RunPage;
import dev.pitwall.ops.runs.RunQuery;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flow runs over the platform's HTTP API: list with cursor paging and filters, get one, bulk retry. */
public final class PlatformFlowRuns implements FlowRunSource {

    private final PlatformHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public PlatformFlowRuns(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public RunPage page(RunQuery q, String cursor, int limit) {
        StringBuilder path = new StringBuilder("api/v1/flow-runs?limit=").append(limit);
        param(path, "projectId", q.projectId());
        q.flowIds().forEach(f -> param(path, "flowId", f));
        q.statuses().forEach(s -> param(path, "status", s));
        q.runIds().forEach(r -> param(path, "flowRunIds", r));
        param(path, "createdAfter", q.createdAfter() == null ? null : q.createdAfter().toString());
        param(path, "createdBefore", q.createdBefore() == null ? null : q.createdBefore().toString());
        param(path, "failedStepName", q.failedStepName());
        param(path, "failedStepMessage", q.failedStepMessage());
        param(path, "cursor", cursor);
        JsonNode body = call(http.request(path.toString()).GET().build(), "list flow runs");
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw new PlatformException(200, "flow-runs answer has no data array: " + abbreviate(body.toString()));
        }
        List<FlowRun> runs = new ArrayList<>(data.size());
        data.forEach(n -> runs.add(FlowRunJson.read(n)));
        return new RunPage(runs, FlowRunJson.text(body, "next"));
    }

    @Override
    public Optional<FlowRun> get(String runId) {
        HttpRequest request = http.request("api/v1/flow-runs/" + encode(runId)).GET().build();
        HttpResponse<String> response = send(request, "get flow run " + runId);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(FlowRunJson.read(parse(response, "get flow run " + runId)));
    }

    /**
     * The bulk retry: a write, so only this package's {@link PlatformReplayTarget} (the write port the guard calls)
     * reaches it.
     */
    List<RetryOutcome> retry(String projectId, RetryStrategy strategy, List<String> runIds) {
        ObjectNode request = json.createObjectNode();
        request.put("projectId", projectId);
        request.put("strategy", strategy.name());
        ArrayNode ids = request.putArray("flowRunIds");
        runIds.forEach(ids::add);
        JsonNode body = call(http.request("api/v1/flow-runs/retry")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), "bulk retry");
        JsonNode list = body.isArray() ? body : body.get("data");
        if (list == null || !list.isArray()) {
            throw new PlatformException(200, "bulk retry answer is not a list: " + abbreviate(body.toString()));
        }
        List<RetryOutcome> outcomes = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            JsonNode error = n.get("error");
            String id = FlowRunJson.text(n, "id");
            boolean failed = error != null && !error.isNull();
            outcomes.add(new RetryOutcome(id, id,
                    failed ? FlowRunJson.text(error, "errorCode") : null,
                    failed ? FlowRunJson.text(error, "errorMessage") : null));
        }
        return outcomes;
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<String> response = send(request, what);
        return parse(response, what);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request);
        } catch (IOException e) {
            throw new PlatformException(0, what + ": no answer from " + http.base() + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(0, what + ": interrupted", e);
        }
    }

    private JsonNode parse(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new PlatformException(status, what + ": HTTP " + status + " " + errorText(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException(status, what + ": answer is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private String errorText(String body) {
        try {
            JsonNode n = json.readTree(body);
            String message = FlowRunJson.text(n, "message");
            String code = FlowRunJson.text(n, "code");
            return message != null ? message + (code == null ? "" : " (" + code + ")") : abbreviate(body);
        } catch (IOException | RuntimeException e) {
            return abbreviate(body);
        }
    }

    private static void param(StringBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
