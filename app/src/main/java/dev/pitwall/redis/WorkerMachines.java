package dev.pitwall.redis;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the Redis hash {@code workerMachines}, where every worker writes its MachineInformation: fleet,
 * trust and rollback each take from it what they need. HGETALL while the hash is small, HSCAN in pages when it is
 * large (one HGETALL of thousands of entries would block Redis for everyone). Redis errors propagate as Jedis'
 * runtime exceptions; each caller words them for its own screen.
 */
final class WorkerMachines {

    static final String KEY = "workerMachines";
    static final long SCAN_ABOVE = 1_000;
    private static final int PAGE = 500;

    private WorkerMachines() {
    }

    /** Every entry, parsed: a heartbeat, a heartbeat with a problem about one field, or only a problem. */
    static List<HeartbeatParser.Parsed> read(RedisClient redis) {
        Map<String, String> entries = redis.hlen(KEY) > SCAN_ABOVE ? scan(redis) : redis.hgetAll(KEY);
        List<HeartbeatParser.Parsed> out = new ArrayList<>(entries.size());
        entries.forEach((field, value) -> out.add(HeartbeatParser.parse(field, value)));
        return out;
    }

    private static Map<String, String> scan(RedisClient redis) {
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
}
