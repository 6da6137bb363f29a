package dev.pitwall.redis;

import dev.pitwall.ops.queues.BullLayout;
import dev.pitwall.ops.replay.ItemStatus;
import dev.pitwall.ops.replay.ReplayBatch;
import dev.pitwall.ops.replay.ReplayTarget;
import dev.pitwall.ops.runs.PlatformException;
import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RetryStrategy;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays BullMQ jobs for queues without a platform API: the console's own Lua script moves failed jobs back to
 * waiting (partition = queue name). Refuses a queue whose {@code meta.version} it was not tested against.
 */
public final class BullReplayTarget implements ReplayTarget {

    private static final String SCRIPT = load();

    private final RedisClient redis;

    public BullReplayTarget(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public List<RetryOutcome> write(ReplayBatch batch) {
        String queue = batch.partition();
        List<String> ids = batch.ids();
        if (batch.strategy() != RetryStrategy.FROM_FAILED_STEP) {
            throw new PlatformException(400, "a BullMQ queue can only retry a job as it is (FROM_FAILED_STEP)");
        }
        BullLayout layout = layoutOf(queue);
        List<String> args = new ArrayList<>(ids.size() + 1);
        args.add(layout == BullLayout.V5 ? "5" : "6");
        args.addAll(ids);
        Object reply;
        try {
            reply = redis.eval(SCRIPT, List.of(prefix(queue)), args);
        } catch (JedisConnectionException e) {
            throw new PlatformException(0, "Redis connection lost while moving jobs of " + queue + ": "
                    + e.getMessage(), e);
        } catch (JedisException e) {
            throw new PlatformException(500, "Redis refused the retry script on " + queue + ": " + e.getMessage(),
                    e);
        }
        List<?> codes = (List<?>) reply;
        List<RetryOutcome> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long code = (Long) codes.get(i);
            String id = ids.get(i);
            out.add(code == 1 ? new RetryOutcome(id, id, null, null)
                    : code == 0 ? new RetryOutcome(id, id, "JOB_NOT_FAILED", "the job is no longer in the failed set")
                    : new RetryOutcome(id, id, "JOB_NOT_FOUND", "no such job in " + queue));
        }
        return out;
    }

    @Override
    public Map<String, ItemStatus> status(String queue, List<String> ids) {
        String prefix = prefix(queue);
        Map<String, Response<List<String>>> hashes = new HashMap<>();
        Map<String, Response<Double>> failed = new HashMap<>();
        Map<String, Response<Double>> completed = new HashMap<>();
        Map<String, Response<Boolean>> locked = new HashMap<>();
        try (Pipeline p = redis.pipelined()) {
            for (String id : ids) {
                hashes.put(id, p.hmget(prefix + id, "finishedOn", "processedOn", "failedReason", "timestamp"));
                failed.put(id, p.zscore(prefix + "failed", id));
                completed.put(id, p.zscore(prefix + "completed", id));
                locked.put(id, p.exists(prefix + id + ":lock"));
            }
            p.sync();
        } catch (JedisConnectionException e) {
            throw new PlatformException(0, "Redis connection lost while reading jobs of " + queue, e);
        }
        Map<String, ItemStatus> out = new HashMap<>();
        for (String id : ids) {
            List<String> h = hashes.get(id).get();
            Instant finishedOn = h.get(0) == null ? null : Instant.ofEpochMilli(Long.parseLong(h.get(0)));
            if (h.get(3) == null && h.get(0) == null && h.get(1) == null) {
                out.put(id, ItemStatus.of(ItemStatus.Kind.MISSING));
            } else if (failed.get(id).get() != null) {
                out.put(id, new ItemStatus(ItemStatus.Kind.FAILED, "failed", null, h.get(2), finishedOn));
            } else if (completed.get(id).get() != null) {
                out.put(id, new ItemStatus(ItemStatus.Kind.SUCCEEDED, "completed", null, null, finishedOn));
            } else if (locked.get(id).get()) {
                out.put(id, new ItemStatus(ItemStatus.Kind.RUNNING, "active", null, null, null));
            } else {
                out.put(id, new ItemStatus(ItemStatus.Kind.QUEUED, "waiting", null, null, null));
            }
        }
        return out;
    }

    private BullLayout layoutOf(String queue) {
        String version;
        try {
            version = redis.hget(prefix(queue) + "meta", "version");
        } catch (JedisConnectionException e) {
            throw new PlatformException(0, "Redis connection lost while reading " + queue + " meta", e);
        }
        BullLayout layout = BullLayout.of(version);
        if (!layout.isKnown()) {
            throw new PlatformException(409, "refusing to write to queue " + queue + ": its layout version "
                    + (version == null ? "(none: no meta.version)" : version)
                    + " is not one Pitwall was tested against (bullmq 5.x, 6.x)");
        }
        return layout;
    }

    private static String prefix(String queue) {
        return "bull:" + queue + ":";
    }

    private static String load() {
        try (InputStream in = BullReplayTarget.class.getResourceAsStream("retry-failed-jobs.lua")) {
            if (in == null) {
                throw new IllegalStateException("retry-failed-jobs.lua is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
