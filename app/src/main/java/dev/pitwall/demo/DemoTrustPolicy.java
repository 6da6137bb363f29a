package dev.pitwall.demo;

import dev.pitwall.files.TrustPolicyFile;
import dev.pitwall.kube.TrustWorkloadReader;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.trust.PolicySnapshot;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The demo's trust policy: a snapshot of the healthy fleet's declared modes, written when the demo starts (before
 * any scenario has changed a thing), so that the demo shows the policy path of trust as well. A real fleet gets one
 * with {@code pitwall trust snapshot}; this is the same snapshot, taken by the demo itself.
 */
final class DemoTrustPolicy {

    static final String FILE = "trust-policy.yaml";

    private DemoTrustPolicy() {
    }

    /** Writes the snapshot of the worker workloads {@code profile} sees into {@code dir}; returns the file. */
    static Path write(KubernetesClient client, ConnectionProfile profile, Path dir, Instant at) {
        Path file = dir.resolve(FILE);
        String text = "# Written by the Pitwall demo at its start, from the healthy fleet.\n"
                + PolicySnapshot.yaml(new TrustWorkloadReader(client, profile).workloads(), at);
        try {
            new TrustPolicyFile().save(file.toString(), text);
            file.toFile().deleteOnExit(); // before its folder, as the kubeconfig is, when close() is never reached
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's trust policy could not be written to " + file, e);
        }
        return file;
    }
}
