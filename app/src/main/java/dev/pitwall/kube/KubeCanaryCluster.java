package dev.pitwall.kube;

import dev.pitwall.ops.canary.CanaryAnnotations;
import dev.pitwall.ops.canary.CanaryChange;
import dev.pitwall.ops.canary.CanaryCluster;
import dev.pitwall.ops.guard.LeaseStore;
import dev.pitwall.ops.guard.WriteConflict;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.WorkloadRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Canaries through fabric8: the canary is a copy of the main Deployment or StatefulSet (spec, labels, claim
 * templates) named {@code <name>-canary}, with the canary labels added to its labels, selector and pod template, the
 * new image and env on the first container, and its state in annotations. Its selector includes the canary label, so
 * it never counts the main workload's pods; the main workload's selector does match the canary's pods, but its
 * controller only counts pods it owns, and {@link #pods} tells them apart by the canary label.
 */
public final class KubeCanaryCluster implements CanaryCluster {

    private static final String CACHE = "cache";

    private final KubernetesClient client;
    private final Map<String, String> workerLabels;

    /** @param workerLabels the labels that mark worker workloads (the profile's equality selector; empty: all) */
    public KubeCanaryCluster(KubernetesClient client, Map<String, String> workerLabels) {
        this.client = client;
        this.workerLabels = Map.copyOf(workerLabels);
    }

    @Override
    public List<WorkloadRef> workloads() {
        return call("list the worker workloads", () -> {
            List<WorkloadRef> found = new ArrayList<>();
            for (Deployment d : client.apps().deployments().inAnyNamespace().withLabels(workerLabels).list()
                    .getItems()) {
                if (!isCanary(d)) {
                    found.add(new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, d.getMetadata().getNamespace(),
                            d.getMetadata().getName()));
                }
            }
            for (StatefulSet s : client.apps().statefulSets().inAnyNamespace().withLabels(workerLabels).list()
                    .getItems()) {
                if (!isCanary(s)) {
                    found.add(new WorkloadRef(WorkloadRef.Kind.STATEFULSET, s.getMetadata().getNamespace(),
                            s.getMetadata().getName()));
                }
            }
            found.sort(java.util.Comparator.comparing(WorkloadRef::namespace).thenComparing(WorkloadRef::name));
            return found;
        });
    }

    private static boolean isCanary(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && labels.containsKey(CanaryAnnotations.CANARY_LABEL);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public MainWorkload main(WorkloadRef workload) {
        return call("read " + workload, () -> {
            HasMetadata object = require(workload, workload.name());
            PodTemplateSpec template = template(object);
            Container first = template.getSpec().getContainers().get(0);
            Map<String, String> env = new LinkedHashMap<>();
            if (first.getEnv() != null) {
                first.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
            }
            long generation = Objects.requireNonNullElse(object.getMetadata().getGeneration(), 0L);
            if (object instanceof Deployment d) {
                var s = d.getStatus();
                return new MainWorkload(workload, n(d.getSpec().getReplicas()), s == null ? 0 : n(s.getUpdatedReplicas()),
                        s == null ? 0 : n(s.getReadyReplicas()), generation,
                        s == null || s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(),
                        first.getImage(), env, emptyDirLimit(template), object.getMetadata().getUid());
            }
            StatefulSet set = (StatefulSet) object;
            var s = set.getStatus();
            long claim = set.getSpec().getVolumeClaimTemplates() == null ? 0 : set.getSpec().getVolumeClaimTemplates()
                    .stream().filter(c -> c.getSpec().getResources() != null
                            && c.getSpec().getResources().getRequests() != null
                            && c.getSpec().getResources().getRequests().get("storage") != null)
                    .mapToLong(c -> bytes(c.getSpec().getResources().getRequests().get("storage"))).max().orElse(0);
            return new MainWorkload(workload, n(set.getSpec().getReplicas()), s == null ? 0 : n(s.getUpdatedReplicas()),
                    s == null ? 0 : n(s.getReadyReplicas()), generation,
                    s == null || s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(),
                    first.getImage(), env, claim > 0 ? claim : emptyDirLimit(template),
                    object.getMetadata().getUid());
        });
    }

    @Override
    public Optional<CanaryObject> canary(WorkloadRef workload) {
        return call("read the canary of " + workload, () -> {
            HasMetadata object = get(workload, CanaryCluster.canaryName(workload));
            if (object == null || object.getMetadata().getDeletionTimestamp() != null) {
                return Optional.empty();
            }
            int replicas;
            int ready;
            if (object instanceof Deployment d) {
                replicas = n(d.getSpec().getReplicas());
                ready = d.getStatus() == null ? 0 : n(d.getStatus().getReadyReplicas());
            } else {
                StatefulSet set = (StatefulSet) object;
                replicas = n(set.getSpec().getReplicas());
                ready = set.getStatus() == null ? 0 : n(set.getStatus().getReadyReplicas());
            }
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            return Optional.of(new CanaryObject(object.getMetadata().getName(), replicas, ready,
                    annotations == null ? Map.of() : annotations, object.getMetadata().getResourceVersion()));
        });
    }

    @Override
    public Optional<String> uid(WorkloadRef workload) {
        return call("read " + workload, () -> Optional.ofNullable(get(workload, workload.name()))
                .map(o -> o.getMetadata().getUid()));
    }

    @Override
    public LeaseStore lease(WorkloadRef workload) {
        return new KubeCanaryLease(client, workload);
    }

    @Override
    public String write(CanaryChange change) {
        WorkloadRef workload = change.workload();
        String canary = CanaryCluster.canaryName(workload);
        if (change instanceof CanaryChange.Create c) {
            return call("create the canary of " + workload, () -> create(c));
        }
        if (change instanceof CanaryChange.Update u) {
            return call("update the canary of " + workload, () -> KubeCanaryLease.conditional(
                    resource(workload, canary), KubeCanaryLease.patch(u.version(), u.annotations(), u.replicas())))
                    .orElseThrow(() -> new WriteConflict("the canary of " + workload + " was changed by another "
                            + "process, or is gone", null));
        }
        if (change instanceof CanaryChange.Delete) {
            return call("delete the canary of " + workload, () -> {
                resource(workload, canary).delete();
                return "";
            });
        }
        if (change instanceof CanaryChange.ScaleMain m) {
            return call("scale " + workload + " to " + m.replicas(), () -> edit(workload, workload.name(), object -> {
                setReplicas(object, m.replicas());
                return object;
            }));
        }
        CanaryChange.Promote p = (CanaryChange.Promote) change;
        return call("promote the canary's template to " + workload, () -> edit(workload, workload.name(), object -> {
            new TemplateChange(p.image(), p.env(), p.envFromSecret()).apply(template(object).getSpec()
                    .getContainers().get(0));
            setReplicas(object, p.replicas());
            return object;
        }));
    }

    /** The canary: a copy of the main workload; a conflict (nothing written) when one exists already. */
    private String create(CanaryChange.Create c) {
        WorkloadRef workload = c.workload();
        HasMetadata main = require(workload, workload.name());
        Map<String, String> canaryLabels = CanaryAnnotations.labels(workload);
        ObjectMeta meta = new ObjectMetaBuilder().withNamespace(workload.namespace())
                .withName(CanaryCluster.canaryName(workload))
                .withLabels(merged(main.getMetadata().getLabels(), canaryLabels))
                .withAnnotations(c.annotations()).build();
        TemplateChange change = new TemplateChange(c.image(), c.env(), c.envFromSecret());
        try {
            if (main instanceof Deployment d) {
                Deployment copy = Serialization.clone(d);
                PodTemplateSpec template = change.canary(copy.getSpec().getTemplate(), canaryLabels);
                return client.apps().deployments().inNamespace(workload.namespace()).resource(new DeploymentBuilder()
                        .withMetadata(meta).withSpec(copy.getSpec()).editSpec().withReplicas(c.replicas())
                        .withPaused(false).editSelector()
                        .withMatchLabels(merged(copy.getSpec().getSelector().getMatchLabels(), canaryLabels))
                        .endSelector().withTemplate(template).endSpec().build()).create().getMetadata()
                        .getResourceVersion();
            }
            StatefulSet copy = Serialization.clone((StatefulSet) main);
            PodTemplateSpec template = change.canary(copy.getSpec().getTemplate(), canaryLabels);
            return client.apps().statefulSets().inNamespace(workload.namespace()).resource(new StatefulSetBuilder()
                    .withMetadata(meta).withSpec(copy.getSpec()).editSpec().withReplicas(c.replicas())
                    .withServiceName(copy.getSpec().getServiceName()).editSelector()
                    .withMatchLabels(merged(copy.getSpec().getSelector().getMatchLabels(), canaryLabels))
                    .endSelector().withTemplate(template).endSpec().build()).create().getMetadata()
                    .getResourceVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new WriteConflict("a canary of " + workload + " exists already", e);
            }
            throw e;
        }
    }

    @Override
    public List<CanaryPod> pods(WorkloadRef workload, boolean canary) {
        return call("list the pods of " + workload, () -> {
            HasMetadata main = require(workload, workload.name());
            Map<String, String> selector = main instanceof Deployment d ? d.getSpec().getSelector().getMatchLabels()
                    : ((StatefulSet) main).getSpec().getSelector().getMatchLabels();
            Map<String, String> labels = canary ? merged(selector, CanaryAnnotations.labels(workload)) : selector;
            List<CanaryPod> pods = new ArrayList<>();
            for (Pod pod : client.pods().inNamespace(workload.namespace()).withLabels(labels).list().getItems()) {
                Map<String, String> own = Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.of());
                boolean isCanary = workload.name().equals(own.get(CanaryAnnotations.CANARY_OF_LABEL));
                if (isCanary == canary && pod.getMetadata().getDeletionTimestamp() == null) {
                    pods.add(pod(pod));
                }
            }
            return pods;
        });
    }

    @Override
    public boolean allowed(String verb, String group, String resource, String namespace, String name) {
        return call("check access to " + verb + " " + resource,
                () -> AccessReviews.allowed(client, verb, group, resource, namespace, name));
    }

    private static CanaryPod pod(Pod pod) {
        String image = pod.getSpec().getContainers().isEmpty() ? "" : pod.getSpec().getContainers().get(0).getImage();
        var status = pod.getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String waiting = null;
        int restarts = 0;
        Instant started = null;
        if (status != null && status.getContainerStatuses() != null) {
            for (var cs : status.getContainerStatuses()) {
                restarts += n(cs.getRestartCount());
                if (cs.getState() != null && cs.getState().getWaiting() != null && waiting == null) {
                    waiting = cs.getState().getWaiting().getReason();
                }
                if (cs.getState() != null && cs.getState().getRunning() != null
                        && cs.getState().getRunning().getStartedAt() != null && started == null) {
                    started = Instant.parse(cs.getState().getRunning().getStartedAt());
                }
            }
        }
        return new CanaryPod(pod.getMetadata().getName(), pod.getSpec().getNodeName(), image, ready, waiting,
                restarts, started);
    }

    private static void setReplicas(HasMetadata object, int replicas) {
        if (object instanceof Deployment d) {
            d.getSpec().setReplicas(replicas);
        } else {
            ((StatefulSet) object).getSpec().setReplicas(replicas);
        }
    }

    private static long emptyDirLimit(PodTemplateSpec template) {
        List<Volume> volumes = Objects.requireNonNullElse(template.getSpec().getVolumes(), List.of());
        return volumes.stream().filter(v -> CACHE.equals(v.getName()) && v.getEmptyDir() != null
                        && v.getEmptyDir().getSizeLimit() != null)
                .mapToLong(v -> bytes(v.getEmptyDir().getSizeLimit())).findFirst().orElse(0);
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValue();
    }

    static Map<String, String> merged(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(Objects.requireNonNullElse(base, Map.of()));
        all.putAll(more);
        return all;
    }

    private static PodTemplateSpec template(HasMetadata object) {
        return object instanceof Deployment d ? d.getSpec().getTemplate()
                : ((StatefulSet) object).getSpec().getTemplate();
    }

    private HasMetadata get(WorkloadRef workload, String name) {
        return resource(workload, name).get();
    }

    private HasMetadata require(WorkloadRef workload, String name) {
        HasMetadata object = get(workload, name);
        if (object == null) {
            throw new ClusterException(workload.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + workload.namespace() + "/" + name + " does not exist", null);
        }
        return object;
    }

    /** Edits the workload; its new resourceVersion. */
    private String edit(WorkloadRef workload, String name, UnaryOperator<HasMetadata> change) {
        HasMetadata edited = workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(workload.namespace()).withName(name)
                .edit(d -> (Deployment) change.apply(d))
                : client.apps().statefulSets().inNamespace(workload.namespace()).withName(name)
                .edit(st -> (StatefulSet) change.apply(st));
        return edited.getMetadata().getResourceVersion();
    }

    private Resource<? extends HasMetadata> resource(WorkloadRef workload, String name) {
        return workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(workload.namespace()).withName(name)
                : client.apps().statefulSets().inNamespace(workload.namespace()).withName(name);
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (KubernetesClientException e) {
            throw new ClusterException("could not " + what + ": " + KubeErrors.describe(e), e);
        }
    }
}
