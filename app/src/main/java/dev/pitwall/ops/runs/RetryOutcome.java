package dev.pitwall.ops.runs;

/**
 * What the platform answered for one run of a retry request.
 *
 * @param newRunId  for ON_LATEST_VERSION the id of the run created, else the same id
 * @param errorCode null when the retry was accepted
 */
public record RetryOutcome(String runId, String newRunId, String errorCode, String errorMessage) {

    public boolean accepted() {
        return errorCode == null;
    }
}
