package dev.pitwall.redis;

import dev.pitwall.ops.queues.FailedJobSource;
import dev.pitwall.ops.queues.FailedSlice;
import dev.pitwall.ops.queues.JobField;
import dev.pitwall.ops.queues.RawJob;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one page of a failed set in two pipelined round trips: ZCARD and ZREVRANGE by rank (newest first, never the
 * whole set), then every listed job hash through capped-fields.lua, an HMGET that returns at most
 * {@link FailedJobSource#FIELD_LIMIT_BYTES} of each field plus its full length. Values are read as bytes and decoded
 * here, so ids and fields that are not UTF-8 survive and are reported.
 */
final class BullFailedSet {

    static final List<String> FIELDS = List.of("name", "data", "opts", "timestamp", "processedOn", "finishedOn",
            "failedReason", "stacktrace", "atm");

    private final RedisClient client;
    private final RedisScript cappedFields = RedisScript.resource("capped-fields");

    BullFailedSet(RedisClient client) {
        this.client = client;
    }

    FailedSlice slice(String queue, long offset, int limit) {
        BullKeys keys = new BullKeys(queue);
        long total;
        List<byte[]> ids;
        try (Pipeline p = client.pipelined()) {
            Response<Long> size = p.zcard(keys.key("failed"));
            Response<List<byte[]>> range = p.zrevrange(keys.key("failed"), offset, offset + limit - 1);
            p.sync();
            total = size.get();
            ids = range.get();
        }
        if (ids.isEmpty()) {
            return new FailedSlice(total, List.of());
        }
        try {
            return new FailedSlice(total, readJobs(keys, ids));
        } catch (RuntimeException e) {
            if (!RedisScript.isMissingScript(e)) {
                throw e;
            }
            cappedFields.load(client);
            return new FailedSlice(total, readJobs(keys, ids));
        }
    }

    private List<RawJob> readJobs(BullKeys keys, List<byte[]> ids) {
        List<byte[]> args = new ArrayList<>(FIELDS.size() + 1);
        args.add(String.valueOf(FailedJobSource.FIELD_LIMIT_BYTES).getBytes(StandardCharsets.US_ASCII));
        FIELDS.forEach(f -> args.add(f.getBytes(StandardCharsets.UTF_8)));
        List<Response<Object>> replies = new ArrayList<>(ids.size());
        try (Pipeline p = client.pipelined()) {
            for (byte[] id : ids) {
                replies.add(p.evalsha(cappedFields.sha(), List.of(keys.job(id)), args));
            }
            p.sync();
        }
        List<RawJob> jobs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            jobs.add(rawJob(ids.get(i), (List<?>) replies.get(i).get()));
        }
        return jobs;
    }

    private static RawJob rawJob(byte[] idBytes, List<?> reply) {
        BinaryText.Decoded id = BinaryText.decode(idBytes, false);
        if (!(reply.get(0) instanceof Long exists) || exists == 0) {
            return new RawJob(id.text(), id.valid(), false, Map.of());
        }
        Map<String, JobField> fields = new HashMap<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            long length = (Long) reply.get(1 + 2 * f);
            if (reply.get(2 + 2 * f) instanceof byte[] prefix) {
                boolean cut = prefix.length < length;
                BinaryText.Decoded text = BinaryText.decode(prefix, cut);
                fields.put(FIELDS.get(f), new JobField(text.text(), length, cut, text.valid()));
            }
        }
        return new RawJob(id.text(), id.valid(), true, fields);
    }
}
