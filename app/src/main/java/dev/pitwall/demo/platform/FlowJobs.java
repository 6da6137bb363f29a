package dev.pitwall.demo.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.demo.bullmq.NewJob;

/**
 * The BullMQ jobs the platform enqueues for flow runs: EXECUTE_FLOW data (schema version 10, job id = run id) and
 * the platform's default job options (reference/activepieces.md).
 */
final class FlowJobs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int SCHEMA_VERSION = 10;
    static final int ATTEMPTS = 2;
    static final long BACKOFF_MILLIS = 8 * 60 * 1000;
    static final long REMOVE_ON_FAIL_AGE_SECONDS = 30L * 24 * 3600;
    static final int REMOVE_ON_FAIL_COUNT = 100_000;

    private FlowJobs() {
    }

    /** The job of a new run: execute from the trigger. */
    static NewJob begin(FlowRun run, long timestamp) {
        ObjectNode data = data(run);
        data.put("executionType", "BEGIN");
        data.put("executeTrigger", false);
        return job(run, data, timestamp);
    }

    /** The job of a run retried from its failed step: resume it, rebuilding state from its logs file. */
    static NewJob resume(FlowRun run, long timestamp) {
        ObjectNode data = data(run);
        data.put("executionType", "RESUME");
        data.put("resumeReason", "RETRY");
        return job(run, data, timestamp);
    }

    static String logsFileId(String runId) {
        return "logs-" + runId;
    }

    /** What the job returns when it completes: the run's final status (failed runs complete their job too). */
    static String returnValue(FlowRun run) {
        return JSON.createObjectNode().put("status", run.status.name()).toString();
    }

    /** A stack trace as the engine reports an internal error. */
    static String stacktrace(String message) {
        return "Error: " + message + "\n    at FlowExecutor.executeStep (/usr/src/app/dist/packages/engine/main.js:1:1)"
                + "\n    at async FlowWorker.executeFlow (/usr/src/app/dist/packages/server/worker/main.js:1:1)";
    }

    private static ObjectNode data(FlowRun run) {
        ObjectNode data = JSON.createObjectNode();
        data.put("projectId", run.project().id());
        data.put("platformId", run.project().platformId());
        data.put("jobType", "EXECUTE_FLOW");
        data.put("environment", "PRODUCTION");
        data.put("schemaVersion", SCHEMA_VERSION);
        data.put("flowId", run.flow.id());
        data.put("flowVersionId", run.flowVersionId);
        data.put("runId", run.id);
        data.putObject("payload").put("type", "inline").putObject("value");
        data.put("streamStepProgress", "NONE");
        data.put("logsFileId", logsFileId(run.id));
        return data;
    }

    private static NewJob job(FlowRun run, ObjectNode data, long timestamp) {
        ObjectNode opts = JSON.createObjectNode();
        opts.put("jobId", run.id);
        opts.put("attempts", ATTEMPTS);
        opts.putObject("backoff").put("type", "exponential").put("delay", BACKOFF_MILLIS);
        opts.putObject("removeOnFail").put("age", REMOVE_ON_FAIL_AGE_SECONDS).put("count", REMOVE_ON_FAIL_COUNT);
        return new NewJob(run.id, run.id, data.toString(), opts.toString(), timestamp);
    }
}
