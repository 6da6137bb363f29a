package dev.pitwall.platform;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.SecretReferences;
import dev.pitwall.ops.connect.SecretSource;
import dev.pitwall.ops.connect.UrlParts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

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

    /**
     * Throws IllegalArgumentException when the URL is not an http(s) URL (naming the part that is wrong, never
     * repeating it), when it holds a user or password, or when the key variable is named but unset.
     */
    public static PlatformHttp forProfile(ConnectionProfile profile, SecretSource secrets) {
        UrlParts parts = UrlParts.parse(profile.platformUrl(), "platform URL", Set.of("http", "https"));
        if (parts.userInfo() != null) {
            throw new IllegalArgumentException("the platform URL must not hold a user or password: the API key comes "
                    + "from the variable --platform-key-env names");
        }
        String key = SecretReferences.require(secrets, profile.platformKeyEnv(), "platform API key").orElse(null);
        return new PlatformHttp(URI.create(profile.platformUrl().trim()), key);
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
