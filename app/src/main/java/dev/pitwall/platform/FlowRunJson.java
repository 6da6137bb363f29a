package dev.pitwall.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.model.FailedStep;
import dev.pitwall.model.FlowRun;
import dev.pitwall.model.RunStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads one FlowRun element of an API answer. Tolerant: an unknown status is kept verbatim, a missing failedStep
 * stays null, and an element that is not an object or has no id becomes a run marked with its problem.
 */
final class FlowRunJson {

    private FlowRunJson() {
    }

    static FlowRun read(JsonNode n) {
        if (n == null || !n.isObject()) {
            return malformed(null, "not a JSON object: " + abbreviate(String.valueOf(n)));
        }
        String id = text(n, "id");
        if (id == null) {
            return malformed(null, "run without an id: " + abbreviate(n.toString()));
        }
        StringBuilder problems = new StringBuilder();
        FailedStep failedStep = null;
        JsonNode fs = n.get("failedStep");
        if (fs != null && fs.isObject()) {
            failedStep = new FailedStep(text(fs, "name"), text(fs, "displayName"), text(fs, "message"));
        } else if (fs != null && !fs.isNull()) {
            problems.append("failedStep is not an object; ");
        }
        Instant created = instant(n, "created", problems);
        return new FlowRun(id, text(n, "projectId"), text(n, "flowId"), text(n, "flowVersionId"),
                new RunStatus(text(n, "status")), created, instant(n, "startTime", problems),
                instant(n, "finishTime", problems), failedStep, text(n, "workerId"),
                instant(n, "archivedAt", problems), problems.length() == 0 ? null : problems.toString().trim());
    }

    private static FlowRun malformed(String id, String problem) {
        return new FlowRun(id, null, null, null, new RunStatus(""), null, null, null, null, null, null, problem);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field, StringBuilder problems) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            problems.append(field).append(" is not a timestamp: ").append(abbreviate(v)).append("; ");
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
