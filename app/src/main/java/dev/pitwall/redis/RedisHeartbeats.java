package dev.pitwall.redis;

import dev.pitwall.ops.rollback.Heartbeat;
import dev.pitwall.ops.rollback.HeartbeatSource;
import redis.clients.jedis.RedisClient;

import java.util.List;
import java.util.Objects;

/**
 * Rollback's view of the heartbeats: each worker's version and execution mode. An unreadable entry is left out: a
 * worker that wrote garbage has reported nothing usable and counts as silent in verification.
 */
public final class RedisHeartbeats implements HeartbeatSource {

    private final RedisClient redis;

    public RedisHeartbeats(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public List<Heartbeat> heartbeats() {
        return WorkerMachines.read(redis).stream().map(HeartbeatParser.Parsed::heartbeat).filter(Objects::nonNull)
                .map(h -> new Heartbeat(h.workerId(), Objects.requireNonNullElse(h.version(), ""),
                        Objects.requireNonNullElse(h.executionMode(), ""), h.updatedAt())).toList();
    }
}
