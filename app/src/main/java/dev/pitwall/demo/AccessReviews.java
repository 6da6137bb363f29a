package dev.pitwall.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers SelfSubjectAccessReviews, which the mock does not serve (422): everything is allowed unless a test has
 * forbidden the verb on the resource.
 */
final class AccessReviews {

    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

    void forbid(String verb, String resource) {
        forbidden.add(key(verb, resource));
    }

    String answer(String body) {
        try {
            JsonNode review = JSON.readTree(body);
            JsonNode attributes = review.path("spec").path("resourceAttributes");
            boolean allowed = !forbidden.contains(key(attributes.path("verb").asText(),
                    attributes.path("resource").asText()));
            ObjectNode answer = review.isObject() ? (ObjectNode) review : JSON.createObjectNode();
            ObjectNode status = answer.putObject("status").put("allowed", allowed);
            if (!allowed) {
                status.put("reason", "forbidden in the demo cluster");
            }
            return answer.toString();
        } catch (java.io.IOException e) {
            return "{\"kind\":\"SelfSubjectAccessReview\",\"status\":{\"allowed\":false,\"reason\":\"unreadable review\"}}";
        }
    }

    private static String key(String verb, String resource) {
        return verb.toLowerCase(Locale.ROOT) + " " + resource.toLowerCase(Locale.ROOT);
    }
}
