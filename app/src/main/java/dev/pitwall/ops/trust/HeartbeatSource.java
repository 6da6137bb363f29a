package dev.pitwall.ops.trust;

import java.util.List;

/** A port: the workers' last heartbeats. Failures are {@link TrustBackendException}s. */
public interface HeartbeatSource {

    List<Heartbeat> heartbeats();
}
