package dev.pitwall.ops.rollback;

import java.util.List;

/** A port: the workers' latest heartbeats. */
public interface HeartbeatSource {

    List<Heartbeat> heartbeats();
}
