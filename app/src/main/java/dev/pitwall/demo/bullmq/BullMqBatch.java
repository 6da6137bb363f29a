package dev.pitwall.demo.bullmq;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes jobs in BullMQ's Redis layout, as bullmq 5.81.5 itself leaves them: the same keys, hash fields, list and
 * sorted-set moves, scores and event-stream entries (observed with the real library; reference/bullmq-layout.md).
 * Every call only queues commands on one pipeline, so a whole tick or a bulk retry costs one round trip at
 * {@link #sync()}. The moves are not atomic scripts: the simulator is the only worker of its queues.
 */
public final class BullMqBatch implements AutoCloseable {

    /** Appends one entry to the job's {@code stacktrace} JSON array (BullMQ keeps every failure's trace). */
    private static final String APPEND_STACKTRACE = """
            local text = redis.call('HGET', KEYS[1], 'stacktrace')
            local traces = {}
            if text then traces = cjson.decode(text) end
            traces[#traces + 1] = ARGV[1]
            redis.call('HSET', KEYS[1], 'stacktrace', cjson.encode(traces))
            return #traces
            """;

    private static final XAddParams EVENTS_CAP = XAddParams.xAddParams().maxLen(BullQueue.MAX_LEN_EVENTS)
            .approximateTrimming();

    private final AbstractPipeline pipe;

    private BullMqBatch(AbstractPipeline pipe) {
        this.pipe = pipe;
    }

    public static BullMqBatch open(RedisClient redis) {
        return new BullMqBatch(redis.pipelined());
    }

    /** The {@code meta} hash BullMQ writes when a queue is first used: its version and the events cap. */
    public void writeMeta(BullQueue q) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("opts.maxLenEvents", String.valueOf(BullQueue.MAX_LEN_EVENTS));
        meta.put("version", BullQueue.VERSION);
        pipe.hset(q.key("meta"), meta);
    }

    /**
     * Adds a job to {@code wait} (newest at the head) and wakes workers through the marker. BullMQ increments the
     * {@code id} counter on every add, explicit id or not (observed), so this does too. BullMQ silently ignores
     * an add whose id exists: callers re-adding an id must {@link #remove} it first.
     */
    public void add(BullQueue q, NewJob job) {
        pipe.incr(q.key("id"));
        pipe.hset(q.jobKey(job.id()), newJobFields(job));
        pipe.lpush(q.key("wait"), job.id());
        pipe.zadd(q.key("marker"), 0, "0");
        event(q, "added", job.id(), "name", job.name());
        event(q, "waiting", job.id());
    }

    /** A worker takes the job: out of {@code wait}, into {@code active}, with its lock and an attempt started. */
    public void moveToActive(BullQueue q, String jobId, long processedOn, String lockToken) {
        pipe.lrem(q.key("wait"), -1, jobId);
        pipe.lpush(q.key("active"), jobId);
        pipe.set(q.lockKey(jobId), lockToken, SetParams.setParams().px(BullQueue.LOCK_MILLIS));
        pipe.hset(q.jobKey(jobId), "processedOn", String.valueOf(processedOn));
        pipe.hincrBy(q.jobKey(jobId), "ats", 1);
        event(q, "active", jobId, "prev", "waiting");
    }

    /** Renews an active job's lock, as a live worker does while it works. */
    public void extendLock(BullQueue q, String jobId, String lockToken) {
        pipe.set(q.lockKey(jobId), lockToken, SetParams.setParams().px(BullQueue.LOCK_MILLIS));
    }

    /** The job finished: into {@code completed} scored by {@code finishedOn}, with its return value. */
    public void complete(BullQueue q, String jobId, String returnValueJson, long finishedOn) {
        pipe.lrem(q.key("active"), -1, jobId);
        pipe.zadd(q.key("completed"), finishedOn, jobId);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("returnvalue", returnValueJson);
        fields.put("finishedOn", String.valueOf(finishedOn));
        pipe.hset(q.jobKey(jobId), fields);
        pipe.hincrBy(q.jobKey(jobId), "atm", 1);
        pipe.del(q.lockKey(jobId));
        event(q, "completed", jobId, "returnvalue", returnValueJson, "prev", "active");
    }

    /**
     * The job failed for good (as with BullMQ's UnrecoverableError: no backoff retry): into {@code failed} scored by
     * {@code finishedOn}, with the reason and one more stack trace.
     */
    public void fail(BullQueue q, String jobId, String failedReason, String stacktrace, long finishedOn) {
        pipe.lrem(q.key("active"), -1, jobId);
        pipe.zadd(q.key("failed"), finishedOn, jobId);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("failedReason", failedReason);
        fields.put("finishedOn", String.valueOf(finishedOn));
        pipe.hset(q.jobKey(jobId), fields);
        pipe.hincrBy(q.jobKey(jobId), "atm", 1);
        pipe.eval(APPEND_STACKTRACE, 1, q.jobKey(jobId), stacktrace);
        pipe.del(q.lockKey(jobId));
        event(q, "failed", jobId, "failedReason", failedReason, "prev", "active");
    }

    /**
     * A job that ran once and failed before this process started (seeded history): the hash as {@link #add},
     * {@link #moveToActive} and {@link #fail} would have left it, in one write, without events.
     */
    public void addFailed(BullQueue q, NewJob job, long processedOn, long finishedOn, String failedReason,
                          String stacktraceJsonArray) {
        Map<String, String> fields = newJobFields(job);
        fields.put("processedOn", String.valueOf(processedOn));
        fields.put("ats", "1");
        fields.put("atm", "1");
        fields.put("failedReason", failedReason);
        fields.put("stacktrace", stacktraceJsonArray);
        fields.put("finishedOn", String.valueOf(finishedOn));
        pipe.incr(q.key("id"));
        pipe.hset(q.jobKey(job.id()), fields);
        pipe.zadd(q.key("failed"), finishedOn, job.id());
    }

    /**
     * Removes a finished job entirely (hash, logs, lock, and its entry in {@code finishedState}: "failed" or
     * "completed"), so that a job with the same id can be added again. It does not search {@code wait} or
     * {@code active}: a finished job is in neither.
     */
    public void remove(BullQueue q, String jobId, String finishedState) {
        pipe.zrem(q.key(finishedState), jobId);
        pipe.del(q.jobKey(jobId), q.logsKey(jobId), q.lockKey(jobId));
        event(q, "removed", jobId, "prev", finishedState);
    }

    /** The oldest {@code n} waiting job ids, oldest last (BullMQ workers take from the tail). */
    public Response<List<String>> oldestWaiting(BullQueue q, int n) {
        return pipe.lrange(q.key("wait"), -n, -1);
    }

    /** Drops one stray occurrence of a job id from {@code wait} (a duplicate push). */
    public void dropWaiting(BullQueue q, String jobId) {
        pipe.lrem(q.key("wait"), -1, jobId);
    }

    public Response<Long> waitingCount(BullQueue q) {
        return pipe.llen(q.key("wait"));
    }

    public Response<Long> activeCount(BullQueue q) {
        return pipe.llen(q.key("active"));
    }

    /** Any other write that belongs in the same round trip (heartbeats). */
    public void hset(String key, String field, String value) {
        pipe.hset(key, field, value);
    }

    /** Sends everything queued so far and waits for the replies. */
    public void sync() {
        pipe.sync();
    }

    @Override
    public void close() {
        pipe.close();
    }

    private static Map<String, String> newJobFields(NewJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", job.name());
        fields.put("data", job.dataJson());
        fields.put("opts", job.optsJson());
        fields.put("timestamp", String.valueOf(job.timestamp()));
        fields.put("delay", "0");
        fields.put("priority", "0");
        return fields;
    }

    private void event(BullQueue q, String name, String jobId, String... more) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("event", name);
        entry.put("jobId", jobId);
        for (int i = 0; i + 1 < more.length; i += 2) {
            entry.put(more[i], more[i + 1]);
        }
        pipe.xadd(q.key("events"), EVENTS_CAP, entry);
    }
}
