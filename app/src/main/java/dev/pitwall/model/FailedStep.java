package dev.pitwall.model;

/** Where a run failed: the step's name ("step_3"), its display name, and the message (at most ~700 characters). */
public record FailedStep(String name, String displayName, String message) {
}
