package dev.pitwall.kube;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.connect.BackendProbe;
import dev.pitwall.ops.connect.ProbeResult;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Checks that the profile's context exists in its kubeconfig and that its API server answers discovery. */
public final class KubeProbe implements BackendProbe {

    @Override
    public BackendKind kind() {
        return BackendKind.KUBERNETES;
    }

    @Override
    public ProbeResult probe(ConnectionProfile profile) {
        try (KubernetesClient client = KubeClients.open(profile)) {
            if (client.raw("/api") == null) {
                return ProbeResult.failed(kind(), "API server at " + client.getMasterUrl() + " has no /api");
            }
            String context = profile.kubeContext() == null ? "current context" : "context " + profile.kubeContext();
            return ProbeResult.ok(kind(), context + " at " + client.getMasterUrl());
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(kind(), e.getMessage());
        } catch (RuntimeException e) {
            return ProbeResult.failed(kind(), "API server does not answer", e);
        }
    }
}
