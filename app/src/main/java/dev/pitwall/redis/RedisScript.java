package dev.pitwall.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of Pitwall's read-only Lua scripts (resources next to this class), called by EVALSHA. The SHA is computed
 * here, so the script is sent only when the server does not have it yet (first use, or after a restart or SCRIPT
 * FLUSH): callers catch {@link #isMissingScript} errors, {@link #load} and retry once.
 */
final class RedisScript {

    private final String name;
    private final byte[] body;
    private final byte[] sha;

    private RedisScript(String name, byte[] body) {
        this.name = name;
        this.body = body;
        this.sha = HexFormat.of().formatHex(sha1(body)).getBytes(StandardCharsets.US_ASCII);
    }

    static RedisScript resource(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("script " + name + ".lua is missing from the class path");
            }
            return new RedisScript(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] sha() {
        return sha.clone();
    }

    void load(UnifiedJedis client) {
        client.scriptLoad(new String(body, StandardCharsets.UTF_8));
    }

    static boolean isMissingScript(RuntimeException e) {
        return e instanceof JedisDataException && e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    @Override
    public String toString() {
        return name + ".lua";
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
