package dev.pitwall.redis;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds BullMQ queues by SCAN for {@code bull:*:meta} (never KEYS: it would block Redis on a big keyspace). */
public final class BullQueueNames {

    private BullQueueNames() {
    }

    public static List<String> discover(RedisClient redis) {
        Set<String> names = new LinkedHashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match("bull:*:meta").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                names.add(key.substring("bull:".length(), key.length() - ":meta".length()));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return List.copyOf(names);
    }
}
