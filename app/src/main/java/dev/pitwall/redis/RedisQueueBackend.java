package dev.pitwall.redis;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.queues.FailedSlice;
import dev.pitwall.ops.queues.QueueBackend;
import dev.pitwall.ops.queues.QueueBackendException;
import dev.pitwall.ops.queues.QueueSample;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The BullMQ queues of one Redis, read-only. Connections come from the client's pool: a connection that broke is
 * dropped by the pool, so after Redis went away the next call simply connects again. Every Jedis failure becomes a
 * {@link QueueBackendException} that names the server (never its password) and the cause.
 */
public final class RedisQueueBackend implements QueueBackend {

    private final RedisClient client;
    private final String where;
    private final BullQueueDiscovery discovery;
    private final BullQueueSampler sampler;
    private final BullFailedSet failedSet;

    public RedisQueueBackend(RedisClient client, String where) {
        this.client = client;
        this.where = where;
        this.discovery = new BullQueueDiscovery(client);
        this.sampler = new BullQueueSampler(client);
        this.failedSet = new BullFailedSet(client);
    }

    /** Opens the profile's Redis; a bad URL or an unset password variable is a {@link QueueBackendException}. */
    public static RedisQueueBackend open(ConnectionProfile profile, SecretSource secrets) {
        try {
            RedisEndpoint endpoint = RedisEndpoint.parse(profile.redisUrl());
            return new RedisQueueBackend(RedisClients.open(profile, secrets), endpoint.toSafeUrl());
        } catch (IllegalArgumentException | JedisException e) {
            throw new QueueBackendException("Redis cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> discoverQueues() {
        return call("list the queues", discovery::discover);
    }

    @Override
    public List<QueueSample> sample(List<String> queues, Map<String, String> eventCursors) {
        if (queues.isEmpty()) {
            return List.of();
        }
        return call("read the queues", () -> sampler.sample(queues, eventCursors));
    }

    @Override
    public FailedSlice failedSlice(String queue, long offset, int limit) {
        return call("read the failed jobs of " + queue, () -> failedSet.slice(queue, offset, limit));
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (JedisException e) {
            throw new QueueBackendException("Redis at " + where + " could not " + what + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root == e || root.getMessage() == null) {
            return own;
        }
        return own + " (" + root.getMessage() + ")";
    }
}
