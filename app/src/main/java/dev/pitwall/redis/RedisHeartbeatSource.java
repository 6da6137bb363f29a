package dev.pitwall.redis;

import dev.pitwall.model.Heartbeat;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.HeartbeatSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heartbeats from the Redis hash {@code workerMachines}: HGETALL while the hash is small, HSCAN in pages when it is
 * large (one HGETALL of thousands of entries would block Redis for everyone). Unreadable entries become problems.
 */
public final class RedisHeartbeatSource implements HeartbeatSource {

    public static final String KEY = "workerMachines";
    static final long SCAN_ABOVE = 1_000;
    private static final int PAGE = 500;

    private final RedisClient redis;

    /** Takes ownership of the client: closing the source closes it. */
    public RedisHeartbeatSource(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public Read read() throws FeedException {
        Map<String, String> entries;
        try {
            entries = redis.hlen(KEY) > SCAN_ABOVE ? scan() : redis.hgetAll(KEY);
        } catch (RuntimeException e) {
            throw new FeedException("reading " + KEY + ": " + rootMessage(e), e);
        }
        List<Heartbeat> heartbeats = new ArrayList<>(entries.size());
        List<String> problems = new ArrayList<>();
        entries.forEach((field, value) -> {
            HeartbeatParser.Parsed parsed = HeartbeatParser.parse(field, value);
            if (parsed.heartbeat() != null) {
                heartbeats.add(parsed.heartbeat());
            }
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            }
        });
        problems.sort(null);
        return new Read(heartbeats, problems);
    }

    private Map<String, String> scan() {
        Map<String, String> out = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().count(PAGE);
        do {
            ScanResult<Map.Entry<String, String>> page = redis.hscan(KEY, cursor, params);
            page.getResult().forEach(e -> out.put(e.getKey(), e.getValue()));
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return out;
    }

    @Override
    public void close() {
        redis.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
