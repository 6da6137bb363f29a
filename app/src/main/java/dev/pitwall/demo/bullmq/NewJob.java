package dev.pitwall.demo.bullmq;

/**
 * A job to add: its id (BullMQ's dedupe key; Activepieces uses the run id for flow jobs), name, data and options as
 * the JSON text BullMQ stores, and its creation time in epoch milliseconds.
 */
public record NewJob(String id, String name, String dataJson, String optsJson, long timestamp) {

    public NewJob {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a job needs an id");
        }
    }
}
