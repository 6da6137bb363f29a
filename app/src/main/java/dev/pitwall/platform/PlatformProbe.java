package dev.pitwall.platform;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProbeResult;
import dev.pitwall.ops.connect.SecretSource;

import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that the platform URL answers its health endpoint with 200. */
public final class PlatformProbe implements BackendProbe {

    private final SecretSource secrets;

    public PlatformProbe(SecretSource secrets) {
        this.secrets = secrets;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.PLATFORM;
    }

    @Override
    public ProbeResult probe(ConnectionProfile profile) {
        PlatformHttp http;
        try {
            http = PlatformHttp.forProfile(profile, secrets);
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(kind(), e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(http.request("api/v1/health")
                    .timeout(Duration.ofSeconds(5)).GET().build());
            if (response.statusCode() == 200) {
                return ProbeResult.ok(kind(), "healthy at " + http.base());
            }
            return ProbeResult.failed(kind(), "health endpoint at " + http.base() + " answered "
                    + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed(kind(), "interrupted");
        } catch (Exception e) {
            return ProbeResult.failed(kind(), "platform at " + http.base() + " does not answer", e);
        }
    }
}
