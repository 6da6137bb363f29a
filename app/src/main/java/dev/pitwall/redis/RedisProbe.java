package dev.pitwall.redis;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.ops.connect.SecretSource;
import redis.clients.jedis.RedisClient;

/** Checks that the profile's Redis URL parses and that the server answers PING. */
public final class RedisProbe implements BackendProbe {

    private final SecretSource secrets;

    public RedisProbe(SecretSource secrets) {
        this.secrets = secrets;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.REDIS;
    }

    @Override
    public ProbeResult probe(ConnectionProfile profile) {
        RedisEndpoint endpoint;
        try {
            endpoint = RedisEndpoint.parse(profile.redisUrl());
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(kind(), e.getMessage());
        }
        try (RedisClient client = RedisClients.open(profile, secrets)) {
            String pong = client.ping();
            return ProbeResult.ok(kind(), pong + " from " + endpoint.toSafeUrl());
        } catch (RuntimeException e) {
            return ProbeResult.failed(kind(), "Redis at " + endpoint.toSafeUrl() + " does not answer PING", e);
        }
    }
}
