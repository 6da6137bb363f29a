package dev.pitwall.redis;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds BullMQ queues by their {@code bull:<queue>:meta} hashes with SCAN: never KEYS, which blocks the server for
 * the whole key space. SCAN may return a key twice; the set removes repeats.
 */
final class BullQueueDiscovery {

    private static final int BATCH = 1000;

    private final RedisClient client;

    BullQueueDiscovery(RedisClient client) {
        this.client = client;
    }

    List<String> discover() {
        ScanParams params = new ScanParams()
                .match((BullKeys.PREFIX + "*" + BullKeys.META_SUFFIX).getBytes(StandardCharsets.UTF_8))
                .count(BATCH);
        TreeSet<String> names = new TreeSet<>();
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            ScanResult<byte[]> page = client.scan(cursor, params);
            for (byte[] key : page.getResult()) {
                String queue = BullKeys.queueOfMetaKey(new String(key, StandardCharsets.UTF_8));
                if (queue != null) {
                    names.add(queue);
                }
            }
            cursor = page.getCursorAsBytes();
        } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        return List.copyOf(names);
    }
}
