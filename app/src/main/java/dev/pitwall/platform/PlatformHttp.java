package dev.pitwall.platform;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The platform API over java.net.http with the bearer key. The key is read from its reference on each request
 * builder and never appears in messages.
 */
public final class PlatformHttp {

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    public PlatformHttp(URI base, String apiKey) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static PlatformHttp forProfile(ConnectionProfile profile, SecretSource secrets) {
        URI uri;
        try {
            uri = URI.create(profile.platformUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("platform URL does not parse: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("platform URL must start with http:// or https://: " + uri);
        }
        String key = profile.platformKeyEnv() == null ? null : secrets.lookup(profile.platformKeyEnv()).orElse(null);
        return new PlatformHttp(uri, key);
    }

    public URI base() {
        return base;
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** A request to {@code path} (relative, e.g. "api/v1/health") with the bearer key when there is one. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (hasKey()) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
