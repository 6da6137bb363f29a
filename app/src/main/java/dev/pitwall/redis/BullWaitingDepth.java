package dev.pitwall.redis;

import dev.pitwall.ops.replay.QueueDepthGauge;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.util.ArrayList;
import java.util.List;

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
        List<String> names = queues.isEmpty() ? new BullQueueDiscovery(redis).discover() : queues;
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

}
