package dev.pitwall.redis;

import dev.pitwall.model.Heartbeat;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.HeartbeatSource;
import redis.clients.jedis.RedisClient;

import java.util.ArrayList;
import java.util.List;

/** The fleet's heartbeats: every {@code workerMachines} entry whole; unreadable entries become problems. */
public final class RedisHeartbeatSource implements HeartbeatSource {

    public static final String KEY = WorkerMachines.KEY;

    private final RedisClient redis;

    /** Takes ownership of the client: closing the source closes it. */
    public RedisHeartbeatSource(RedisClient redis) {
        this.redis = redis;
    }

    @Override
    public Read read() throws FeedException {
        List<HeartbeatParser.Parsed> entries;
        try {
            entries = WorkerMachines.read(redis);
        } catch (RuntimeException e) {
            throw new FeedException("reading " + KEY + ": " + rootMessage(e), e);
        }
        List<Heartbeat> heartbeats = new ArrayList<>(entries.size());
        List<String> problems = new ArrayList<>();
        for (HeartbeatParser.Parsed parsed : entries) {
            if (parsed.heartbeat() != null) {
                heartbeats.add(parsed.heartbeat());
            }
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            }
        }
        problems.sort(null);
        return new Read(heartbeats, problems);
    }

    @Override
    public void close() {
        redis.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
