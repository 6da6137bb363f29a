package dev.pitwall.ops.replay;

import dev.pitwall.ops.guard.WritePort;
import dev.pitwall.ops.runs.RetryOutcome;

import java.util.List;
import java.util.Map;

/**
 * A port: where executions are replayed. The platform (bulk retry endpoint) and a BullMQ queue (the console's own
 * Lua script) implement it; the engine's guarantees (throttle, journal, never twice) are the same for both. Sending
 * a batch ({@link #write} of a {@link ReplayBatch}) is a write port: only the guard calls it, the engine sends
 * through {@link GuardedTarget}. The write throws {@link dev.pitwall.ops.runs.PlatformException} when the batch as a
 * whole failed; {@code retryable()} says whether trying again later may help.
 */
public interface ReplayTarget extends WritePort<ReplayBatch, List<RetryOutcome>> {

    /** The current state of each id (every id gets an answer; unknown ids are MISSING). */
    Map<String, ItemStatus> status(String partition, List<String> ids);
}
