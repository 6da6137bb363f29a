package dev.pitwall.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Short messages for API errors: the status and reason when the server answered, else the root cause. */
final class KubeErrors {

    private KubeErrors() {
    }

    static String describe(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return "HTTP " + e.getCode() + " " + e.getStatus().getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getCode() > 0 ? "HTTP " + e.getCode() + " " + message : message;
    }
}
