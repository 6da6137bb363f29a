package dev.pitwall.app;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.guard.ProductionContexts;
import dev.pitwall.ops.guard.WriteRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the guard learns about a session's connection: read-only and why, production, where its back-ends are. */
class SessionConnectionTest {

    @TempDir
    Path dir;

    private Path kubeconfig(String... contexts) throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\ncurrent-context: " + contexts[0]
                + "\nclusters:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("\n  cluster:\n    server: https://").append(c)
                    .append(".example.com:6443/\n");
        }
        yaml.append("users:\n- name: u\n  user:\n    token: t\ncontexts:\n");
        for (String c : contexts) {
            yaml.append("- name: ").append(c).append("\n  context:\n    cluster: ").append(c)
                    .append("\n    user: u\n");
        }
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, yaml);
        return file;
    }

    private static ConnectionProfile profile(Path kubeconfig, String context, boolean readOnly, boolean production) {
        return new ConnectionProfile("eu", kubeconfig.toString(), context, null, null, List.of(),
                "redis://cache:6380/2", null, "HTTPS://Platform.example.com/", "KEY", readOnly, production, null);
    }

    private static SessionConnection connection(ConnectionProfile p, boolean flag, boolean demo, String... patterns) {
        return new SessionConnection(p, flag, demo, new ProductionContexts(List.of(patterns)));
    }

    @Test
    void aContextMatchingTheSettingsPatternsIsProductionWhateverTheProfileSaysButTheDemoNever() throws Exception {
        Path file = kubeconfig("prod-eu", "staging");
        assertThat(connection(profile(file, "prod-eu", false, false), false, false, "prod*").production()).isTrue();
        assertThat(connection(profile(file, "PROD-eu", false, false), false, false, "prod*").production())
                .as("a context that is not in the kubeconfig cannot be told apart: treated as production").isTrue();
        assertThat(connection(profile(file, "staging", false, false), false, false, "prod*").production()).isFalse();
        assertThat(connection(profile(file, "staging", false, true), false, false, "prod*").production())
                .as("the profile's flag").isTrue();
        assertThat(connection(profile(file, null, false, false), false, false, "prod*").production())
                .as("the kubeconfig's current context").isTrue();
        assertThat(connection(profile(file, "staging", false, true), false, true, "*").production())
                .as("the demo is never production").isFalse();
        assertThat(ProductionContexts.parse(" prod*, live-?  eu ").patterns()).containsExactly("prod*", "live-?", "eu");
        assertThat(ProductionContexts.parse("live-?").matches("LIVE-1")).isTrue();
        assertThat(ProductionContexts.parse("").matches("prod")).isFalse();
    }

    @Test
    void readOnlySaysWhetherTheOptionOrTheProfileMadeIt() throws Exception {
        Path file = kubeconfig("staging");
        assertThat(connection(profile(file, "staging", true, false), true, false).readOnly()).contains("--read-only");
        assertThat(connection(profile(file, "staging", true, false), false, false).readOnly()).contains("profile eu");
        assertThat(connection(profile(file, "staging", false, false), false, false).readOnly()).isEmpty();
    }

    @Test
    void theIdentitiesOfTheBackEndsAndAVanishedContext() throws Exception {
        Path file = kubeconfig("prod-eu", "staging");
        SessionConnection c = connection(profile(file, "staging", false, false), false, false);
        assertThat(c.identity(BackendKind.KUBERNETES)).isEqualTo(TargetIdentity.cluster(
                "https://staging.example.com:6443", "staging"));
        assertThat(c.identity(BackendKind.PLATFORM).describe()).isEqualTo("https://platform.example.com");
        assertThat(c.identity(BackendKind.REDIS).describe()).isEqualTo("redis://cache:6380 db 2");

        kubeconfig("prod-eu"); // the staging context was removed from the kubeconfig since
        assertThatThrownBy(() -> c.identity(BackendKind.KUBERNETES)).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: kube context 'staging' is no longer in " + file);
        ConnectionProfile noPlatform = new ConnectionProfile("eu", file.toString(), "prod-eu", null, null, List.of(),
                null, null, null, null, false, false, null);
        assertThatThrownBy(() -> connection(noPlatform, false, false).identity(BackendKind.PLATFORM))
                .hasMessage("refused: this connection has no Platform");
    }
}
