package dev.pitwall.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns fabric8 failures into short reasons, and recognises "forbidden". */
final class KubeErrors {

    private KubeErrors() {
    }

    static boolean isForbidden(Throwable error) {
        KubernetesClientException k = find(error);
        return k != null && k.getCode() == 403;
    }

    /** "403 Forbidden: pods is forbidden: ...", or the innermost message. */
    static String describe(Throwable error) {
        KubernetesClientException k = find(error);
        if (k != null && k.getCode() > 0) {
            String message = k.getStatus() != null && k.getStatus().getMessage() != null
                    ? k.getStatus().getMessage() : k.getMessage();
            return k.getCode() + (k.getCode() == 403 ? " Forbidden" : "") + ": " + message;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static KubernetesClientException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k) {
                return k;
            }
        }
        return null;
    }
}
