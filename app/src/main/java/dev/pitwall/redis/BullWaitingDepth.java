package dev.pitwall.redis;

import dev.pitwall.ops.replay.QueueDepthGauge;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deepest waiting backlog among BullMQ queues: LLEN wait + ZCARD prioritized, one pipelined round trip. With no
 * queue names given it watches every queue found by SCAN for {@code bull:*:meta}, found again on each read so that a
 * queue created during a replay is watched too.
 */
public final class BullWaitingDepth implements QueueDepthGauge {

    private final RedisClient redis;
    private final List<String> queues;

    public BullWaitingDepth(RedisClient redis, List<String> queues) {
        this.redis = redis;
        this.queues = List.copyOf(queues);
    }

    @Override
    public long waiting() {
        List<String> names = queues.isEmpty() ? discover() : queues;
        List<Response<Long>> waits = new ArrayList<>();
        List<Response<Long>> prioritized = new ArrayList<>();
        try (Pipeline p = redis.pipelined()) {
            for (String q : names) {
                waits.add(p.llen("bull:" + q + ":wait"));
                prioritized.add(p.zcard("bull:" + q + ":prioritized"));
            }
            p.sync();
        }
        long max = 0;
        for (int i = 0; i < names.size(); i++) {
            max = Math.max(max, waits.get(i).get() + prioritized.get(i).get());
        }
        return max;
    }

    private List<String> discover() {
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
