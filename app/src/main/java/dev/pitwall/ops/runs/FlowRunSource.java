package dev.pitwall.ops.runs;

import dev.pitwall.model.FlowRun;

import java.util.Optional;

/** A port: reads flow runs from the platform. Failures are {@link PlatformException}s. */
public interface FlowRunSource {

    /** One page; {@code cursor} null for the first. */
    RunPage page(RunQuery query, String cursor, int limit);

    /** One run by id; empty when the platform does not know it (deleted, or never existed). */
    Optional<FlowRun> get(String runId);
}
