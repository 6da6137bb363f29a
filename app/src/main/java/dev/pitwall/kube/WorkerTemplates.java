package dev.pitwall.kube;

import dev.pitwall.ops.trust.DeclaredEnv;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the Activepieces settings of a worker pod template: which container runs the worker, and its env. */
final class WorkerTemplates {

    static final String EXECUTION_MODE = "AP_EXECUTION_MODE";
    static final String GROUP_ID = "AP_WORKER_GROUP_ID";
    static final String CONTAINER_TYPE = "AP_CONTAINER_TYPE";
    private static final Set<String> WORKER_TYPES = Set.of("WORKER", "WORKER_AND_APP");

    private WorkerTemplates() {
    }

    /** The container that sets Activepieces variables, else the first one; null for a template without any. */
    static Container workerContainer(PodTemplateSpec template) {
        List<Container> containers = containers(template);
        return containers.stream().filter(c -> env(c, GROUP_ID).isPresent() || env(c, EXECUTION_MODE).isPresent()
                        || env(c, CONTAINER_TYPE).isPresent())
                .findFirst().orElse(containers.isEmpty() ? null : containers.get(0));
    }

    /** The container named {@code name} (the worker container of another revision), else the worker container. */
    static Container container(PodTemplateSpec template, String name) {
        return containers(template).stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseGet(() -> workerContainer(template));
    }

    /**
     * Whether a workload runs Activepieces workers, for profiles without a worker selector: its container sets an
     * Activepieces variable and is not an app-only container (AP_CONTAINER_TYPE defaults to WORKER_AND_APP).
     */
    static boolean looksLikeWorker(PodTemplateSpec template) {
        Container c = workerContainer(template);
        if (c == null || c.getEnv() == null || c.getEnv().stream().noneMatch(e -> e.getName().startsWith("AP_"))) {
            return false;
        }
        return env(c, CONTAINER_TYPE).map(e -> e.getValue() == null || WORKER_TYPES.contains(e.getValue()))
                .orElse(true);
    }

    static String groupId(Container c) {
        return c == null ? null : env(c, GROUP_ID).map(EnvVar::getValue).orElse(null);
    }

    /** AP_EXECUTION_MODE of a container: a plain value, where else it comes from, or unset. */
    static DeclaredEnv declared(Container c) {
        if (c == null) {
            return DeclaredEnv.unreadable("the pod template has no container");
        }
        Optional<EnvVar> var = env(c, EXECUTION_MODE);
        if (var.isPresent()) {
            EnvVarSource from = var.get().getValueFrom();
            if (from == null) {
                return DeclaredEnv.value(var.get().getValue() == null ? "" : var.get().getValue());
            }
            if (from.getConfigMapKeyRef() != null) {
                return DeclaredEnv.unreadable("ConfigMap " + from.getConfigMapKeyRef().getName() + " key "
                        + from.getConfigMapKeyRef().getKey() + " (not read)");
            }
            if (from.getSecretKeyRef() != null) {
                return DeclaredEnv.unreadable("Secret " + from.getSecretKeyRef().getName() + " key "
                        + from.getSecretKeyRef().getKey() + " (not read)");
            }
            return DeclaredEnv.unreadable("a valueFrom Pitwall does not read");
        }
        if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty()) {
            // envFrom may set it; saying "not set" (the app default) could be false
            return DeclaredEnv.unreadable("maybe set by envFrom " + envFromNames(c.getEnvFrom()) + " (not read)");
        }
        return DeclaredEnv.unset();
    }

    static Optional<EnvVar> env(Container c, String name) {
        return c.getEnv() == null ? Optional.empty()
                : c.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst();
    }

    private static List<Container> containers(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null) {
            return List.of();
        }
        return template.getSpec().getContainers();
    }

    private static String envFromNames(List<EnvFromSource> sources) {
        return String.join(", ", sources.stream().map(s -> s.getConfigMapRef() != null
                ? "ConfigMap " + s.getConfigMapRef().getName()
                : s.getSecretRef() != null ? "Secret " + s.getSecretRef().getName() : "source").toList());
    }
}
