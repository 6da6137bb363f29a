package dev.pitwall.ops.runs;

import java.util.List;

/** A port: asks the platform to retry runs of one project in one call (the bulk retry endpoint). */
public interface RunRetrier {

    /**
     * @return one outcome per requested run id, in any order; a run the platform did not mention is absent
     * @throws PlatformException when the request as a whole failed (5xx, 429, timeout, 401, ...)
     */
    List<RetryOutcome> retry(String projectId, RetryStrategy strategy, List<String> runIds);
}
