package dev.pitwall.redis;

import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the BullMQ failed job of a flow run (job id = run id) in whichever queue holds it, and describes it for the
 * detail pane: attempts, failedReason, stack trace and data (cut to a readable size: a 10 MB payload is not shown).
 */
public final class BullJobLookup {

    private static final int MAX_DATA_CHARS = 4_000;

    private final RedisClient redis;

    public BullJobLookup(RedisClient redis) {
        this.redis = redis;
    }

    public Optional<String> describeFailedJob(String runId) {
        List<String> queues = new BullQueueDiscovery(redis).discover();
        List<Response<Double>> scores = new ArrayList<>();
        try (Pipeline p = redis.pipelined()) {
            for (String q : queues) {
                scores.add(p.zscore("bull:" + q + ":failed", runId));
            }
            p.sync();
        }
        for (int i = 0; i < queues.size(); i++) {
            if (scores.get(i).get() != null) {
                return Optional.of(describe(queues.get(i), runId));
            }
        }
        return Optional.empty();
    }

    private String describe(String queue, String id) {
        String key = "bull:" + queue + ":" + id;
        List<String> f = redis.hmget(key, "name", "atm", "failedReason", "stacktrace", "finishedOn");
        long dataLength = redis.hstrlen(key, "data");
        String data;
        if (dataLength > MAX_DATA_CHARS) {
            data = "(" + dataLength + " bytes: too large to show here)";
        } else {
            String full = redis.hget(key, "data");
            data = full == null ? "(none)" : full;
        }
        StringBuilder b = new StringBuilder();
        b.append("queue ").append(queue).append(", job ").append(id).append(" (").append(nz(f.get(0))).append(")\n");
        b.append("attempts made: ").append(nz(f.get(1))).append("   finishedOn: ").append(nz(f.get(4))).append('\n');
        b.append("failedReason: ").append(nz(f.get(2))).append('\n');
        b.append("stacktrace: ").append(nz(f.get(3))).append('\n');
        b.append("data: ").append(data.length() > MAX_DATA_CHARS ? data.substring(0, MAX_DATA_CHARS) + "\u2026" : data);
        return b.toString();
    }


    private static String nz(String s) {
        return s == null ? "(none)" : s;
    }
}
