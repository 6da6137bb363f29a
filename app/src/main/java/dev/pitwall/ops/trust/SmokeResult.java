package dev.pitwall.ops.trust;

import java.time.Duration;

/**
 * How a group's smoke test ended.
 *
 * @param runId      the run, or null when none was started or found
 * @param status     the run's last status, or null
 * @param failedStep "step_1 (Code: use lodash)" when the run failed at a step, else null
 * @param message    the failed step's message, or why the test could not run
 */
public record SmokeResult(String title, Outcome outcome, String runId, String status, String failedStep,
                          String message, Duration took) {

    public enum Outcome {
        PASSED, FAILED, TIMED_OUT, NOT_CONFIGURED
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** One line: "passed: run X SUCCEEDED after 4 s", "failed at step_1 (Code ...): message", ... */
    public String text() {
        return switch (outcome) {
            case PASSED -> "passed: run " + runId + " " + status + " after " + took.toSeconds() + " s";
            case FAILED -> "failed: run " + runId + " " + status
                    + (failedStep == null ? "" : " at " + failedStep) + (message == null ? "" : ": " + message);
            case TIMED_OUT -> "timed out after " + took.toSeconds() + " s: " + message;
            case NOT_CONFIGURED -> "not run: " + message;
        };
    }
}
