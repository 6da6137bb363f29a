package dev.pitwall.kube;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.TargetIdentity;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds fabric8 clients from a profile's kubeconfig and context. */
public final class KubeClients {

    private KubeClients() {
    }

    /** The kubeconfig the profile names, else $KUBECONFIG, else ~/.kube/config. */
    public static Path kubeconfigPath(ConnectionProfile profile) {
        if (profile.kubeconfig() != null && !profile.kubeconfig().isBlank()) {
            return Path.of(profile.kubeconfig());
        }
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** The context names in the profile's kubeconfig; throws with a clear message when the file is unusable. */
    public static List<String> contextNames(ConnectionProfile profile) {
        Path path = kubeconfigPath(profile);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("kubeconfig not found: " + path);
        }
        try {
            io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfig(path.toFile());
            return parsed.getContexts() == null ? List.of()
                    : parsed.getContexts().stream().map(NamedContext::getName).toList();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("kubeconfig " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The API server and the context the profile reaches (the kubeconfig's current context when it names none): what
     * plans and records made through it belong to.
     *
     * @throws IllegalArgumentException when the kubeconfig is unusable or the context is not (any longer) in it
     */
    public static TargetIdentity identity(ConnectionProfile profile) {
        Path path = kubeconfigPath(profile);
        List<String> names = contextNames(profile);
        try {
            String text = Files.readString(path);
            String context = profile.kubeContext() != null ? profile.kubeContext()
                    : KubeConfigUtils.parseConfig(path.toFile()).getCurrentContext();
            if (context == null || !names.contains(context)) {
                throw new IllegalArgumentException(context == null ? "kubeconfig " + path + " names no current context"
                        : "kube context '" + context + "' is no longer in " + path);
            }
            Config config = Config.fromKubeconfig(context, text, path.toString());
            return TargetIdentity.cluster(config.getMasterUrl(), context);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("kubeconfig " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static KubernetesClient open(ConnectionProfile profile) {
        return open(profile, null);
    }

    /**
     * A client that retries a failed request at most {@code retries} times (fabric8's default of 10, with
     * exponential back-off, makes an unreachable API server take about 20 s to report); null keeps the default.
     */
    public static KubernetesClient open(ConnectionProfile profile, Integer retries) {
        Path path = kubeconfigPath(profile);
        String context = profile.kubeContext();
        if (context != null && !contextNames(profile).contains(context)) {
            throw new IllegalArgumentException("context '" + context + "' is not in " + path);
        }
        try {
            Config config = Config.fromKubeconfig(context, Files.readString(path), path.toString());
            config.setRequestTimeout(10_000);
            config.setConnectionTimeout(5_000);
            if (config.getMasterUrl() != null && config.getMasterUrl().startsWith("http://")) {
                // Over plain HTTP the JDK client asks to upgrade each connection to HTTP/2 (h2c). Against the demo's
                // server that upgrade goes wrong now and then: the client reads an HTTP/1.1 answer as HTTP/2 frames
                // ("Frame type(53) ... exceeds MAX_FRAME_SIZE"), and a watch or a list never gets its answer. TLS
                // servers negotiate the version up front (ALPN) and keep HTTP/2.
                config.setHttp2Disable(true);
            }
            if (retries != null) {
                config.setRequestRetryBackoffLimit(retries);
            }
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("kubeconfig " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
