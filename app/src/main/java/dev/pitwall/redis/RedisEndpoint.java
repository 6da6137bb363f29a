package dev.pitwall.redis;

import dev.pitwall.ops.connect.UrlParts;

import java.util.Set;

/**
 * A parsed redis:// or rediss:// URL. The password may come from the URL (for one-off command lines) but
 * {@link #withoutPassword()} is what gets stored.
 */
public record RedisEndpoint(boolean tls, String host, int port, String user, String password, int database) {

    /** Throws IllegalArgumentException naming the part of the URL that is wrong, never repeating the URL. */
    public static RedisEndpoint parse(String url) {
        UrlParts parts = UrlParts.parse(url, "Redis URL", Set.of("redis", "rediss"));
        int database = 0;
        if (!parts.path().isEmpty()) {
            try {
                database = Integer.parseInt(parts.path());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Redis URL: the database (after the host) must be a number");
            }
        }
        return new RedisEndpoint(parts.scheme().equals("rediss"), parts.host(), parts.port() < 0 ? 6379 : parts.port(),
                parts.user(), parts.password(), database);
    }

    public RedisEndpoint withoutPassword() {
        return new RedisEndpoint(tls, host, port, user, null, database);
    }

    /** The URL without any password: safe for settings, logs and the screen. */
    public String toSafeUrl() {
        return (tls ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port
                + (database == 0 ? "" : "/" + database);
    }

    @Override
    public String toString() {
        return toSafeUrl();
    }
}
