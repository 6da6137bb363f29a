package dev.pitwall.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.fleet.AppVersionSource;
import dev.pitwall.ops.fleet.FeedException;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The app's version from the platform's public flags ({@code GET /api/v1/flags}, flag {@code CURRENT_VERSION}):
 * workers must report exactly this version, so it is the yardstick for the fleet's version-mismatch alert.
 */
public final class PlatformAppVersion implements AppVersionSource {

    private final PlatformHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public PlatformAppVersion(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Optional<String> appVersion() throws FeedException {
        HttpResponse<String> response;
        try {
            response = http.send(http.request("api/v1/flags").timeout(Duration.ofSeconds(10)).GET().build());
        } catch (IOException e) {
            throw new FeedException("flags: no answer from " + http.base(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("flags: interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty(); // an install without public flags: the most common worker version stands in
        }
        if (response.statusCode() / 100 != 2) {
            throw new FeedException("flags: HTTP " + response.statusCode());
        }
        try {
            JsonNode version = json.readTree(response.body()).get("CURRENT_VERSION");
            return version != null && version.isTextual() && !version.asText().isBlank()
                    ? Optional.of(version.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new FeedException("flags: the answer is not JSON", e);
        }
    }
}
