package dev.pitwall.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A parsed redis:// or rediss:// URL. The password may come from the URL (for one-off command lines) but
 * {@link #withoutPassword()} is what gets stored.
 */
public record RedisEndpoint(boolean tls, String host, int port, String user, String password, int database) {

    public static RedisEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Redis URL given");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Redis URL does not parse: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://, got: " + redact(url));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Redis URL has no host: " + redact(url));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = parts[0].isEmpty() ? null : decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Redis URL database must be a number: " + redact(url), e);
            }
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        return new RedisEndpoint("rediss".equals(scheme), uri.getHost(), port, user, password, database);
    }

    public RedisEndpoint withoutPassword() {
        return new RedisEndpoint(tls, host, port, user, null, database);
    }

    /** The URL without any password: safe for settings, logs and the screen. */
    public String toSafeUrl() {
        return (tls ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port
                + (database == 0 ? "" : "/" + database);
    }

    /** Replaces a password in a URL by *** so that error messages never carry it. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return toSafeUrl();
    }
}
