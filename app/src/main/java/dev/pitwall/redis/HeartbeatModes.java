package dev.pitwall.redis;

import dev.pitwall.ops.trust.Heartbeat;
import dev.pitwall.ops.trust.HeartbeatSource;
import dev.pitwall.ops.trust.TrustBackendException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;

/**
 * The execution mode each worker reports in its heartbeat ({@code workerProps.EXECUTION_MODE}), with its IP and time.
 * Entries that cannot be read are kept with their problem, never dropped silently: trust reports them as unknown.
 */
public final class HeartbeatModes implements HeartbeatSource {

    private final RedisClient redis;
    private final String where;

    /** @param where the server, for messages (never with a password) */
    public HeartbeatModes(RedisClient redis, String where) {
        this.redis = redis;
        this.where = where;
    }

    @Override
    public List<Heartbeat> heartbeats() {
        try {
            return WorkerMachines.read(redis).stream().map(HeartbeatModes::modeOf).toList();
        } catch (JedisException e) {
            throw new TrustBackendException("Redis at " + where + " could not read the heartbeats ("
                    + WorkerMachines.KEY + "): " + e.getMessage(), e);
        }
    }

    private static Heartbeat modeOf(HeartbeatParser.Parsed parsed) {
        var h = parsed.heartbeat();
        if (h == null) {
            return new Heartbeat(parsed.field(), null, null, null, parsed.problem());
        }
        String problem = parsed.problem() != null ? parsed.problem()
                : h.executionMode() == null ? "heartbeat reports no EXECUTION_MODE" : null;
        return new Heartbeat(h.workerId(), h.ip(), h.updatedAt(), h.executionMode(), problem);
    }
}
