package dev.pitwall.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.trust.FlowTrigger;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Starts flow runs through the flow's webhook, {@code POST /api/v1/webhooks/{flowId}} with the payload as JSON body.
 * The platform's asynchronous webhook answers as soon as the run is queued, without its id; the simulator adds
 * {@code {"runId": ...}}. Without an id the caller finds the run among the flow's newest runs.
 */
public final class PlatformWebhooks implements FlowTrigger {

    private final PlatformHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public PlatformWebhooks(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Optional<String> trigger(String flowId, Map<String, String> payload) {
        String what = "trigger flow " + flowId;
        HttpResponse<String> response;
        try {
            HttpRequest request = http.request("api/v1/webhooks/" + URLEncoder.encode(flowId, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
            response = http.send(request);
        } catch (IOException e) {
            throw new PlatformException(0, what + ": no answer from " + http.base() + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(0, what + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new PlatformException(status, what + ": HTTP " + status + " " + abbreviate(response.body()));
        }
        return runId(response.body());
    }

    private Optional<String> runId(String body) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            JsonNode id = answer == null ? null : answer.get("runId");
            return id == null || !id.isTextual() || id.asText().isBlank() ? Optional.empty()
                    : Optional.of(id.asText());
        } catch (IOException e) {
            return Optional.empty(); // a webhook may answer anything; the run is then found by listing
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
