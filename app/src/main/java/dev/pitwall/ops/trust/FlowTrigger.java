package dev.pitwall.ops.trust;

import java.util.Map;
import java.util.Optional;

/** A port: starts a flow run through the flow's webhook. Failures are PlatformExceptions. */
public interface FlowTrigger {

    /** Triggers {@code flowId} with {@code payload}; the run id when the platform answers with one. */
    Optional<String> trigger(String flowId, Map<String, String> payload);
}
