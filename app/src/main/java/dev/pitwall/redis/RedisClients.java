package dev.pitwall.redis;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretReferences;
import dev.pitwall.ops.connect.SecretSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** Opens Jedis clients for a profile. RESP2 so that raw replies (Lua, XRANGE) parse the same everywhere. */
public final class RedisClients {

    private RedisClients() {
    }

    public static RedisClient open(ConnectionProfile profile, SecretSource secrets) {
        RedisEndpoint endpoint = RedisEndpoint.parse(profile.redisUrl());
        String password = endpoint.password() != null ? endpoint.password()
                : SecretReferences.require(secrets, profile.redisPasswordEnv(), "Redis password").orElse(null);
        return open(endpoint, password);
    }

    public static RedisClient open(RedisEndpoint endpoint, String password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .connectionTimeoutMillis(3_000)
                .socketTimeoutMillis(10_000)
                .database(endpoint.database())
                .ssl(endpoint.tls())
                .clientName("pitwall");
        if (endpoint.user() != null) {
            config.user(endpoint.user());
        }
        if (password != null) {
            config.password(password);
        }
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
                .clientConfig(config.build())
                .build();
    }
}
