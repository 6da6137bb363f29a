package dev.pitwall.ops.trust;

/** The flow a group's smoke test runs, and the project it belongs to (where its runs are listed). */
public record SmokeFlow(String flowId, String projectId) {
}
