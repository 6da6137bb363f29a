package dev.pitwall.testing;

import dev.pitwall.demo.RedisServerProcess;
import dev.pitwall.redis.RedisClients;
import dev.pitwall.redis.RedisEndpoint;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes BullMQ-shaped keys straight into a test Redis (the layout of reference/bullmq-layout.md), for tests that
 * need exact states or broken entries that BullMQ itself would never write.
 */
public final class BullFixture implements AutoCloseable {

    private final RedisClient redis;

    public BullFixture(RedisServerProcess server) {
        this.redis = RedisClients.open(RedisEndpoint.parse(server.url()), null);
    }

    public RedisClient redis() {
        return redis;
    }

    public static String key(String queue, String suffix) {
        return "bull:" + queue + ":" + suffix;
    }

    public void flush() {
        redis.flushAll();
    }

    public void meta(String queue, String version, boolean paused) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("opts.maxLenEvents", "10000");
        if (version != null) {
            meta.put("version", version);
        }
        if (paused) {
            meta.put("paused", "1");
        }
        redis.hset(key(queue, "meta"), meta);
    }

    /** A job hash as BullMQ writes it on add; {@code extra} fields are added or replace the defaults. */
    public void job(String queue, String id, long timestamp, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", "EXECUTE_FLOW");
        fields.put("data", "{\"jobType\":\"EXECUTE_FLOW\",\"runId\":\"" + id + "\"}");
        fields.put("opts", "{\"attempts\":2}");
        fields.put("timestamp", String.valueOf(timestamp));
        fields.put("delay", "0");
        fields.put("priority", "0");
        fields.putAll(extra);
        redis.hset(key(queue, id), fields);
    }

    public void waiting(String queue, String id, long timestamp) {
        job(queue, id, timestamp, Map.of());
        redis.lpush(key(queue, "wait"), id);
    }

    /** 5.x pause: the job sits in the paused list. */
    public void inPausedList(String queue, String id, long timestamp) {
        job(queue, id, timestamp, Map.of());
        redis.lpush(key(queue, "paused"), id);
    }

    public void active(String queue, String id, long timestamp) {
        job(queue, id, timestamp, Map.of("processedOn", String.valueOf(timestamp + 5)));
        redis.lpush(key(queue, "active"), id);
    }

    public void prioritized(String queue, String id, long timestamp, int priority, int counter) {
        job(queue, id, timestamp, Map.of("priority", String.valueOf(priority)));
        redis.zadd(key(queue, "prioritized"), priority * 4294967296.0 + counter, id);
    }

    public void delayed(String queue, String id, long timestamp, long dueMs) {
        job(queue, id, timestamp, Map.of("delay", String.valueOf(dueMs - timestamp)));
        redis.zadd(key(queue, "delayed"), dueMs * 4096.0, id);
    }

    public void completed(String queue, String id, long finishedOn) {
        job(queue, id, finishedOn - 100, Map.of("finishedOn", String.valueOf(finishedOn), "returnvalue", "null"));
        redis.zadd(key(queue, "completed"), finishedOn, id);
    }

    public void waitingChildren(String queue, String id, long timestamp) {
        job(queue, id, timestamp, Map.of());
        redis.zadd(key(queue, "waiting-children"), timestamp, id);
    }

    /** A failed job as BullMQ 5/6 leaves it after its last attempt; {@code extra} replaces or adds fields. */
    public void failed(String queue, String id, long finishedOn, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>();
        fields.put("processedOn", String.valueOf(finishedOn - 50));
        fields.put("finishedOn", String.valueOf(finishedOn));
        fields.put("failedReason", "boom " + id);
        fields.put("stacktrace", "[\"Error: boom " + id + "\\n    at step (flow.js:1:1)\"]");
        fields.put("atm", "2");
        fields.put("ats", "2");
        fields.putAll(extra);
        job(queue, id, finishedOn - 100, fields);
        redis.zadd(key(queue, "failed"), finishedOn, id);
    }

    /** Adds one field with raw bytes (for values that are not UTF-8). */
    public void rawField(String queue, String id, String field, byte[] value) {
        redis.hset(key(queue, id).getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8), value);
    }

    public void event(String queue, String event, String jobId) {
        redis.xadd(key(queue, "events"), StreamEntryID.NEW_ENTRY,
                Map.of("event", event, "jobId", jobId));
    }

    @Override
    public void close() {
        redis.close();
    }
}
