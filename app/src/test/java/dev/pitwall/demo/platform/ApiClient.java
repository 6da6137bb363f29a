package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The platform API through java.net.http, as a console would call it. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String key;

    ApiClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, key);
    }

    Reply post(String path, Object body) {
        try {
            return send("POST", path, JSON.writeValueAsString(body), key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String pathAndQuery, String body, String bearerKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearerKey != null) {
            b.header("Authorization", "Bearer " + bearerKey);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every run a filtered listing returns, following {@code next} cursors with pages of {@code limit}. */
    List<JsonNode> listAll(String query, int limit) {
        List<JsonNode> runs = new ArrayList<>();
        String cursor = null;
        do {
            String q = "/api/v1/flow-runs?limit=" + limit + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Reply reply = get(q);
            if (reply.status() != 200) {
                throw new AssertionError(q + " answered " + reply.status() + ": " + reply.json());
            }
            reply.json().path("data").forEach(runs::add);
            cursor = reply.json().path("next").isNull() ? null : reply.json().path("next").asText();
        } while (cursor != null);
        return runs;
    }
}
