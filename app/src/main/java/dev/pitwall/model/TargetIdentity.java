package dev.pitwall.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where something belongs, or where a connection points: a Kubernetes API server and the context it is reached
 * through, a platform's base URL, or a Redis endpoint and database. Plans, journals and canary records carry it so
 * that they are never applied to another target; the state directory files them by {@link #fileKey()}.
 *
 * <p>Two cluster identities are the same target when their API server is: a context name is a local alias (two
 * engineers' kubeconfigs name one cluster differently, and a plan is meant to be passed around), so it is shown but
 * not compared. A Redis database is a target of its own.
 *
 * @param endpoint the API server URL, the platform base URL, or the Redis {@code redis://host:port}; normalised
 *                 (lower-case scheme and host, no default port, no trailing slash)
 * @param scope    the kube context name, "" for the platform, the Redis database number
 */
public record TargetIdentity(BackendKind kind, String endpoint, String scope) {

    public TargetIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        scope = scope == null ? "" : scope;
    }

    /** A Kubernetes API server reached through {@code context}. */
    public static TargetIdentity cluster(String apiServer, String context) {
        return new TargetIdentity(BackendKind.KUBERNETES, normalise(apiServer), context);
    }

    public static TargetIdentity platform(String baseUrl) {
        return new TargetIdentity(BackendKind.PLATFORM, normalise(baseUrl), "");
    }

    public static TargetIdentity redis(String host, int port, int database) {
        return new TargetIdentity(BackendKind.REDIS, "redis://" + host.toLowerCase(Locale.ROOT) + ":" + port,
                String.valueOf(database));
    }

    /** Whether both name the same target (for a cluster: the same API server, whatever the context is called). */
    public boolean sameTarget(TargetIdentity other) {
        return other != null && kind == other.kind && endpoint.equals(other.endpoint)
                && (kind == BackendKind.KUBERNETES || scope.equals(other.scope));
    }

    /** "https://a.example:6443 (context prod-eu)", "https://platform.example", "redis://h:6379 db 0". */
    public String describe() {
        return switch (kind) {
            case KUBERNETES -> endpoint + " (context " + scope + ")";
            case PLATFORM -> endpoint;
            case REDIS -> endpoint + " db " + scope;
        };
    }

    /** The short name an operator types to confirm a write: the context, the platform's host, Redis host:port. */
    public String shortName() {
        return switch (kind) {
            case KUBERNETES -> scope;
            case PLATFORM -> URI.create(endpoint).getHost();
            case REDIS -> endpoint.substring("redis://".length());
        };
    }

    /** A directory name for what belongs here (the same for every context of one cluster). */
    public String fileKey() {
        String key = (kind == BackendKind.REDIS ? endpoint + "-db" + scope : endpoint)
                .replaceFirst("^[a-z]+://", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("^-|-$", "");
        return kind.name().toLowerCase(Locale.ROOT) + "-" + key;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String normalise(String url) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }
}
