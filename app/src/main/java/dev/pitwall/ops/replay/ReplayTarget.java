package dev.pitwall.ops.replay;

import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RetryStrategy;

import java.util.List;
import java.util.Map;

/**
 * A port: where executions are replayed. The platform (bulk retry endpoint) and a BullMQ queue (the console's own
 * Lua script) implement it; the engine's guarantees (throttle, journal, never twice) are the same for both.
 */
public interface ReplayTarget {

    /**
     * Sends one batch of one partition.
     *
     * @throws dev.pitwall.ops.runs.PlatformException when the batch as a whole failed; {@code retryable()} says
     *         whether trying again later may help
     */
    List<RetryOutcome> send(String partition, RetryStrategy strategy, List<String> ids);

    /** The current state of each id (every id gets an answer; unknown ids are MISSING). */
    Map<String, ItemStatus> status(String partition, List<String> ids);
}
