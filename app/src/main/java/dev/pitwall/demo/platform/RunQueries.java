package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads run filters from a query string (list, count) or a JSON body (bulk retry), refusing malformed values. */
final class RunQueries {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1_000;

    private RunQueries() {
    }

    static RunQuery fromQuery(ApiRequest request) {
        return new RunQuery(
                request.param("projectId"),
                new LinkedHashSet<>(request.params("flowId")),
                statuses(request.params("status")),
                new LinkedHashSet<>(request.params("tags")),
                time("createdAfter", request.param("createdAfter")),
                time("createdBefore", request.param("createdBefore")),
                request.param("failedStepName"),
                request.param("failedStepMessage"),
                new LinkedHashSet<>(request.params("flowRunIds")),
                Set.of());
    }

    static int limit(ApiRequest request) {
        String text = request.param("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got: " + text);
    }

    static Cursor cursor(ApiRequest request) {
        String text = request.param("cursor");
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Cursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The filters of a bulk retry body; its projectId is the project the retry is confined to. */
    static RunQuery fromBody(JsonNode body) {
        return new RunQuery(
                requiredText(body, "projectId"),
                new LinkedHashSet<>(strings(body, "flowId")),
                statuses(strings(body, "status")),
                Set.of(),
                time("createdAfter", optionalText(body, "createdAfter")),
                time("createdBefore", optionalText(body, "createdBefore")),
                optionalText(body, "failedStepName"),
                optionalText(body, "failedStepMessage"),
                Set.of(),
                new LinkedHashSet<>(strings(body, "excludeFlowRunIds")));
    }

    static RetryStrategy strategy(JsonNode body) {
        String text = requiredText(body, "strategy");
        try {
            return RetryStrategy.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("strategy must be FROM_FAILED_STEP or ON_LATEST_VERSION, got: " + text);
        }
    }

    static String requiredText(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
        return text;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return node.asText();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ApiException.badRequest(field + " must be an array of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static Set<RunStatus> statuses(List<String> names) {
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        for (String name : names) {
            try {
                statuses.add(RunStatus.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown status: " + name);
            }
        }
        return statuses;
    }

    private static long time(String name, String text) {
        if (text == null || text.isEmpty()) {
            return FlowRun.NONE;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant like 2026-11-27T22:00:00Z, got: "
                    + text);
        }
    }
}
