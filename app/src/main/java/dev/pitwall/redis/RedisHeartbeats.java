package dev.pitwall.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.rollback.Heartbeat;
import dev.pitwall.ops.rollback.HeartbeatSource;
import redis.clients.jedis.RedisClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The workers' heartbeats from the Redis hash {@code workerMachines}; an unreadable entry is skipped. */
public final class RedisHeartbeats implements HeartbeatSource {

    static final String KEY = "workerMachines";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisClient redis;

    public RedisHeartbeats(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public List<Heartbeat> heartbeats() {
        List<Heartbeat> beats = new ArrayList<>();
        for (Map.Entry<String, String> e : redis.hgetAll(KEY).entrySet()) {
            try {
                JsonNode props = JSON.readTree(e.getValue()).path("workerProps");
                beats.add(new Heartbeat(e.getKey(), props.path("version").asText(""),
                        props.path("EXECUTION_MODE").asText("")));
            } catch (java.io.IOException ignored) {
                // a worker that wrote garbage has not reported anything usable: it counts as silent
            }
        }
        return beats;
    }
}
