package dev.pitwall.demo.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters (repeatable, as {@code name=a&name=b} or {@code name[]=a}) and JSON body.
 */
final class ApiRequest {

    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final byte[] body;

    ApiRequest(String rawQuery, byte[] body) {
        this.body = body;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
            }
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The single value of a parameter, or null; a parameter given twice where one is expected is refused. */
    String param(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter " + name + " must be given once");
        }
        return values.get(0);
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    JsonNode json() {
        if (body.length == 0) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        try {
            JsonNode node = FlowJobs.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("request body cannot be read");
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query string is not properly encoded");
        }
    }
}
