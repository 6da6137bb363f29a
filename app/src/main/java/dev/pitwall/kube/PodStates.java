package dev.pitwall.kube;

import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.PodState;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reduces a fabric8 Pod to the facts the fleet needs. Every part of a pod may be missing: nothing here throws. */
public final class PodStates {

    static final String CONTAINER_TYPE_ENV = "AP_CONTAINER_TYPE";
    static final String CACHE_PATH_ENV = "AP_CACHE_BASE_PATH";
    /** Where the Activepieces image keeps its working directory; AP_CACHE_BASE_PATH is relative to it. */
    static final String APP_DIR = "/usr/src/app";
    static final String DEFAULT_CACHE_PATH = APP_DIR + "/cache";

    private PodStates() {
    }

    public static PodState from(Pod pod) {
        ObjectMeta meta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
        PodSpec spec = pod.getSpec();
        Container worker = workerContainer(spec);
        PodStatus status = pod.getStatus();
        ContainerStatus cs = containerStatus(status, worker);
        OwnerReference owner = KubeObjects.controller(meta);
        String ownerKind = owner == null ? null : owner.getKind();
        String ownerName = owner == null ? null : owner.getName();
        String revisionName = "ReplicaSet".equals(ownerKind) ? ownerName : labels.get("controller-revision-hash");
        List<EnvVar> env = worker == null ? List.of() : env(worker);
        return new PodState(
                KubeObjects.namespaceOf(meta),
                meta.getName() == null ? "(unnamed)" : meta.getName(),
                labels,
                status != null,
                status == null ? null : status.getPhase(),
                ready(status),
                cs == null ? null : cs.getRestartCount(),
                cs == null || cs.getLastState() == null || cs.getLastState().getTerminated() == null ? null
                        : cs.getLastState().getTerminated().getReason(),
                cs == null || cs.getState() == null || cs.getState().getWaiting() == null ? null
                        : cs.getState().getWaiting().getReason(),
                spec == null ? null : blankToNull(spec.getNodeName()),
                status == null ? null : blankToNull(status.getPodIP()),
                worker == null ? null : worker.getImage(),
                env,
                worker == null ? List.of() : envFrom(worker),
                ownerKind,
                ownerName,
                revisionName,
                labels.get("pod-template-hash"),
                cacheVolume(worker, env),
                KubeObjects.time(meta.getCreationTimestamp()));
    }

    /** The container that runs the worker: the one told its container type, else one named "worker", else the first. */
    static Container workerContainer(PodSpec spec) {
        if (spec == null || spec.getContainers() == null || spec.getContainers().isEmpty()) {
            return null;
        }
        for (Container c : spec.getContainers()) {
            if (c.getEnv() != null && c.getEnv().stream().anyMatch(e -> CONTAINER_TYPE_ENV.equals(e.getName()))) {
                return c;
            }
        }
        for (Container c : spec.getContainers()) {
            if (c.getName() != null && c.getName().contains("worker")) {
                return c;
            }
        }
        return spec.getContainers().get(0);
    }

    private static ContainerStatus containerStatus(PodStatus status, Container worker) {
        if (status == null || status.getContainerStatuses() == null || worker == null) {
            return null;
        }
        for (ContainerStatus cs : status.getContainerStatuses()) {
            if (cs.getName() != null && cs.getName().equals(worker.getName())) {
                return cs;
            }
        }
        return null;
    }

    private static Boolean ready(PodStatus status) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        for (PodCondition c : status.getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return null;
    }

    static List<EnvVar> env(Container c) {
        List<EnvVar> out = new ArrayList<>();
        if (c.getEnv() == null) {
            return out;
        }
        for (io.fabric8.kubernetes.api.model.EnvVar e : c.getEnv()) {
            if (e.getName() == null) {
                continue;
            }
            EnvVarSource from = e.getValueFrom();
            if (from == null) {
                out.add(EnvVar.literal(e.getName(), e.getValue() == null ? "" : e.getValue()));
            } else if (from.getSecretKeyRef() != null) {
                out.add(EnvVar.reference(e.getName(), EnvVar.Kind.SECRET_REF, "secret "
                        + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey()));
            } else if (from.getConfigMapKeyRef() != null) {
                out.add(EnvVar.reference(e.getName(), EnvVar.Kind.CONFIG_MAP_REF, "configMap "
                        + from.getConfigMapKeyRef().getName() + "/" + from.getConfigMapKeyRef().getKey()));
            } else if (from.getFieldRef() != null) {
                out.add(EnvVar.reference(e.getName(), EnvVar.Kind.FIELD_REF, "field "
                        + from.getFieldRef().getFieldPath()));
            } else {
                out.add(EnvVar.reference(e.getName(), EnvVar.Kind.RESOURCE_REF, from.getResourceFieldRef() == null
                        ? "an unknown source" : "resource " + from.getResourceFieldRef().getResource()));
            }
        }
        return out;
    }

    private static List<String> envFrom(Container c) {
        List<String> out = new ArrayList<>();
        if (c.getEnvFrom() == null) {
            return out;
        }
        for (EnvFromSource s : c.getEnvFrom()) {
            if (s.getConfigMapRef() != null) {
                out.add("configMap " + s.getConfigMapRef().getName());
            } else if (s.getSecretRef() != null) {
                out.add("secret " + s.getSecretRef().getName());
            }
        }
        return out;
    }

    /** The volume mounted at the cache path: AP_CACHE_BASE_PATH (relative to /usr/src/app) or the default. */
    private static String cacheVolume(Container worker, List<EnvVar> env) {
        if (worker == null || worker.getVolumeMounts() == null) {
            return null;
        }
        String path = DEFAULT_CACHE_PATH;
        for (EnvVar e : env) {
            if (e.name().equals(CACHE_PATH_ENV) && e.kind() == EnvVar.Kind.LITERAL && !e.value().isBlank()) {
                path = e.value().startsWith("/") ? e.value() : APP_DIR + "/" + e.value();
            }
        }
        String wanted = trimSlash(path);
        for (VolumeMount m : worker.getVolumeMounts()) {
            if (m.getMountPath() != null && trimSlash(m.getMountPath()).equals(wanted)) {
                return m.getName();
            }
        }
        return null;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
