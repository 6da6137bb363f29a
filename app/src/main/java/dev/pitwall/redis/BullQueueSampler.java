package dev.pitwall.redis;

import dev.pitwall.ops.queues.EventTally;
import dev.pitwall.ops.queues.QueueSample;
import dev.pitwall.ops.queues.RawQueueCounts;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads every queue's depth in one pipelined round trip: per queue LLEN of wait/paused/active, ZCARD of
 * prioritized/delayed/completed/failed/waiting-children, HMGET of meta paused and version, and two small read-only
 * scripts. The oldest waiting job needs the tail id before its hash can be read; a script does both hops on the
 * server (oldest-waiting.lua), where a second pipelined round trip would double the latency of every refresh. The
 * event counts come from event-tally.lua, which returns numbers only. Every command is O(1) or O(log n) except the
 * tally, which reads at most {@link #EVENTS_PER_REFRESH} stream entries per queue.
 */
final class BullQueueSampler {

    /** Stream entries counted per queue and refresh at most; busier queues get their rate from a sub-span. */
    static final int EVENTS_PER_REFRESH = 500;

    private static final byte[] PAUSED = bytes("paused");
    private static final byte[] VERSION = bytes("version");

    private final RedisClient client;
    private final RedisScript oldestWaiting = RedisScript.resource("oldest-waiting");
    private final RedisScript eventTally = RedisScript.resource("event-tally");

    BullQueueSampler(RedisClient client) {
        this.client = client;
    }

    List<QueueSample> sample(List<String> queues, Map<String, String> eventCursors) {
        try {
            return sampleOnce(queues, eventCursors);
        } catch (RuntimeException e) {
            if (!RedisScript.isMissingScript(e)) {
                throw e;
            }
            oldestWaiting.load(client);
            eventTally.load(client);
            return sampleOnce(queues, eventCursors);
        }
    }

    private record Pending(String name, Response<Long> waitLength, Response<Long> paused, Response<Long> active,
                           Response<Long> prioritized, Response<Long> delayed, Response<Long> completed,
                           Response<Long> failed, Response<Long> waitingChildren, Response<List<byte[]>> meta,
                           Response<Object> oldest, Response<Object> events) {
    }

    private List<QueueSample> sampleOnce(List<String> queues, Map<String, String> eventCursors) {
        List<Pending> pending = new ArrayList<>(queues.size());
        try (Pipeline p = client.pipelined()) {
            for (String name : queues) {
                BullKeys k = new BullKeys(name);
                String cursor = eventCursors.getOrDefault(name, "");
                pending.add(new Pending(name,
                        p.llen(k.key("wait")), p.llen(k.key("paused")), p.llen(k.key("active")),
                        p.zcard(k.key("prioritized")), p.zcard(k.key("delayed")), p.zcard(k.key("completed")),
                        p.zcard(k.key("failed")), p.zcard(k.key("waiting-children")),
                        p.hmget(k.key("meta"), PAUSED, VERSION),
                        p.evalsha(oldestWaiting.sha(), List.of(k.key("wait"), k.key("paused")),
                                List.of(k.jobPrefix())),
                        p.evalsha(eventTally.sha(), List.of(k.key("events")),
                                List.of(bytes(cursor == null ? "" : cursor), bytes(String.valueOf(EVENTS_PER_REFRESH))))));
            }
            p.sync();
        }
        List<QueueSample> samples = new ArrayList<>(pending.size());
        for (Pending q : pending) {
            samples.add(new QueueSample(q.name(), counts(q), tally(q.events().get())));
        }
        return samples;
    }

    private static RawQueueCounts counts(Pending q) {
        List<?> oldest = (List<?>) q.oldest().get();
        List<byte[]> meta = q.meta().get();
        Long waitTs = millis(oldest.get(2));
        Long pausedTs = millis(oldest.get(3));
        Long oldestMs = waitTs;
        if (pausedTs != null && (oldestMs == null || pausedTs < oldestMs)) {
            oldestMs = pausedTs;
        }
        return new RawQueueCounts(q.waitLength().get(), isOne(oldest.get(0)), q.paused().get(), isOne(oldest.get(1)),
                q.active().get(), q.prioritized().get(), q.delayed().get(), q.completed().get(), q.failed().get(),
                q.waitingChildren().get(), text(meta.get(0)), text(meta.get(1)), oldestMs);
    }

    private static EventTally tally(Object reply) {
        List<?> r = (List<?>) reply;
        if (!isOne(r.get(0))) {
            return EventTally.noStream();
        }
        return new EventTally(true, text(r.get(1)), isOne(r.get(2)), isOne(r.get(3)), (Long) r.get(4),
                (Long) r.get(5), (Long) r.get(6), text(r.get(7)));
    }

    private static boolean isOne(Object o) {
        return o instanceof Long l && l == 1L;
    }

    /** A job timestamp in ms; null when absent or not a number (a corrupt hash must not break the refresh). */
    private static Long millis(Object o) {
        String s = text(o);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? BinaryText.decode(b, false).text() : null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
