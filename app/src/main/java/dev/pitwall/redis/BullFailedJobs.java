package dev.pitwall.redis;

import dev.pitwall.ops.replay.FailedJobRef;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every job of a queue's failed set for a replay plan, newest first, read in pages by rank (ZREVRANGE) with one
 * pipelined HMGET per page: never the whole set in one reply, never KEYS.
 */
public final class BullFailedJobs implements Iterable<FailedJobRef> {

    private static final int PAGE = 1000;

    private final RedisClient redis;
    private final String queue;

    public BullFailedJobs(RedisClient redis, String queue) {
        this.redis = redis;
        this.queue = queue;
    }

    @Override
    public Iterator<FailedJobRef> iterator() {
        return new Iterator<>() {
            private long offset;
            private Iterator<FailedJobRef> page = List.<FailedJobRef>of().iterator();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    List<FailedJobRef> next = read(offset);
                    offset += PAGE;
                    done = next.size() < PAGE;
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public FailedJobRef next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    private List<FailedJobRef> read(long offset) {
        String prefix = "bull:" + queue + ":";
        List<String> ids = redis.zrevrange(prefix + "failed", offset, offset + PAGE - 1);
        List<Response<List<String>>> fields = new ArrayList<>(ids.size());
        try (Pipeline p = redis.pipelined()) {
            for (String id : ids) {
                fields.add(p.hmget(prefix + id, "name", "failedReason", "finishedOn"));
            }
            p.sync();
        }
        List<FailedJobRef> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<String> f = fields.get(i).get();
            String problem = null;
            Instant finishedOn = null;
            if (f.get(0) == null && f.get(1) == null && f.get(2) == null) {
                problem = "listed in the failed set but its job hash is gone";
            } else {
                try {
                    finishedOn = f.get(2) == null ? null : Instant.ofEpochMilli(Long.parseLong(f.get(2)));
                } catch (NumberFormatException e) {
                    problem = "finishedOn is not a number: " + f.get(2);
                }
            }
            out.add(new FailedJobRef(queue, ids.get(i), f.get(0), f.get(1), finishedOn, problem));
        }
        return out;
    }
}
