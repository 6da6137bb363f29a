package dev.pitwall.app;

import dev.pitwall.app.settings.ProfileStore;
import dev.pitwall.app.settings.SettingsException;
import dev.pitwall.model.ConnectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {

    @TempDir
    Path config;

    private ConnectionProfile prod() {
        return new ConnectionProfile("prod-eu", "/home/me/.kube/config", "eu-1", "team=ap", "app=activepieces-worker",
                List.of("ap-shared"), "redis://ops:hunter2@redis.internal:6380/2", "REDIS_PW",
                "https://ap.example.com", "AP_KEY", true, true, "/etc/pitwall/trust.yaml");
    }

    @Test
    void savedProfilesLoadBackWithEveryField() throws Exception {
        ProfileStore store = new ProfileStore(config);
        store.save(prod());
        ConnectionProfile loaded = store.load("prod-eu");
        assertThat(loaded.kubeContext()).isEqualTo("eu-1");
        assertThat(loaded.workerSelector()).isEqualTo("app=activepieces-worker");
        assertThat(loaded.namespaces()).containsExactly("ap-shared");
        assertThat(loaded.platformKeyEnv()).isEqualTo("AP_KEY");
        assertThat(loaded.readOnly()).isTrue();
        assertThat(loaded.production()).isTrue();
        assertThat(store.names()).containsExactly("prod-eu");
    }

    @Test
    void aPasswordInTheRedisUrlNeverReachesTheDisk() throws Exception {
        ProfileStore store = new ProfileStore(config);
        store.save(prod());
        String text = Files.readString(config.resolve("profiles/prod-eu.json"));
        assertThat(text).doesNotContain("hunter2").contains("redis://ops@redis.internal:6380/2").contains("REDIS_PW");
    }

    @Test
    void aMalformedFileIsReportedWithItsNameAndLine() throws Exception {
        Files.createDirectories(config.resolve("profiles"));
        Files.writeString(config.resolve("profiles/broken.json"), "{\n  \"name\": \"broken\",\n  \"redisUrl\": \n}");
        assertThatThrownBy(() -> new ProfileStore(config).load("broken"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("broken.json is malformed")
                .hasMessageContaining("line 4");
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        assertThatThrownBy(() -> new ProfileStore(config).save(ConnectionProfile.empty("../evil")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("not a valid profile name");
    }
}
