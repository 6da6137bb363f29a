package dev.pitwall.demo.platform;

/**
 * What one retry did: the run now (the same run queued again, or the new run), or why it was refused. A refused run
 * that exists is still reported as it is; one that does not exist only by its id.
 */
record RetryOutcome(String requestedId, FlowRunSnapshot run, String errorCode, String errorMessage) {

    static final String NOT_FOUND = "ENTITY_NOT_FOUND";
    static final String OUTSIDE_RETENTION = "FLOW_RUN_RETRY_OUTSIDE_RETENTION";
    static final String NOT_FAILED = "FLOW_RUN_NOT_FAILED";

    boolean ok() {
        return errorCode == null;
    }
}
