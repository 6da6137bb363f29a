package dev.pitwall.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.PodState;
import dev.pitwall.ops.rollback.Revision;
import dev.pitwall.ops.rollback.RollbackCluster;
import dev.pitwall.ops.rollback.RolloutStatus;
import dev.pitwall.ops.rollback.WorkloadRef;
import dev.pitwall.ops.rollback.WorkloadState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Rollbacks through fabric8: revision history from the ReplicaSets (Deployments) or ControllerRevisions
 * (StatefulSets) the workload owns, access checks as SelfSubjectAccessReviews, dry runs as {@code dryRun=All} JSON
 * patches, writes as the same patches without it.
 */
public final class KubeRollbackCluster implements RollbackCluster {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    /** Labels a controller adds to a template copy; they are not part of what the user wrote. */
    private static final List<String> CONTROLLER_LABELS = List.of("pod-template-hash", "controller-revision-hash");

    private final KubernetesClient client;
    private final ObjectMapper json = Serialization.jsonMapper();
    private final ObjectMapper sorted = Serialization.jsonMapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public KubeRollbackCluster(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public Optional<WorkloadRef> find(String namespace, String name) {
        return call("find " + namespace + "/" + name, () -> {
            if (client.apps().deployments().inNamespace(namespace).withName(name).get() != null) {
                return Optional.of(new WorkloadRef(WorkloadRef.Kind.DEPLOYMENT, namespace, name));
            }
            if (client.apps().statefulSets().inNamespace(namespace).withName(name).get() != null) {
                return Optional.of(new WorkloadRef(WorkloadRef.Kind.STATEFULSET, namespace, name));
            }
            return Optional.empty();
        });
    }

    @Override
    public List<Revision> history(WorkloadRef workload) {
        return call("read the revisions of " + workload, () -> {
            String uid = workload(workload).getMetadata().getUid();
            List<Revision> revisions = new ArrayList<>();
            if (workload.kind() == WorkloadRef.Kind.DEPLOYMENT) {
                for (ReplicaSet rs : client.apps().replicaSets().inNamespace(workload.namespace()).list().getItems()) {
                    String number = annotation(rs, REVISION);
                    if (ownedBy(rs, uid) && number != null) {
                        revisions.add(revision(Long.parseLong(number), rs, tree(rs.getSpec().getTemplate())));
                    }
                }
            } else {
                for (ControllerRevision cr : client.apps().controllerRevisions().inNamespace(workload.namespace())
                        .list().getItems()) {
                    if (ownedBy(cr, uid)) {
                        JsonNode template = json.valueToTree(cr.getData()).path("spec").path("template");
                        revisions.add(revision(cr.getRevision(), cr, template));
                    }
                }
            }
            revisions.sort(Comparator.comparingLong(Revision::number));
            return revisions;
        });
    }

    @Override
    public WorkloadState state(WorkloadRef workload) {
        return call("read " + workload, () -> {
            HasMetadata object = workload(workload);
            String template = canonical(tree(template(object)));
            long current = history(workload).stream().filter(r -> r.templateJson().equals(template))
                    .mapToLong(Revision::number).max().orElse(0);
            return new WorkloadState(workload, object.getMetadata().getResourceVersion(), current, template);
        });
    }

    @Override
    public Revision summarize(String templateJson) {
        return call("read a pod template", () -> TemplateSummary.of(0, null, null, read(templateJson),
                templateJson));
    }

    @Override
    public Map<String, String> configMap(String namespace, String name) {
        return call("read ConfigMap " + namespace + "/" + name, () -> {
            ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
            return cm == null || cm.getData() == null ? Map.of() : new TreeMap<>(cm.getData());
        });
    }

    @Override
    public String secretDigest(String namespace, String name) {
        return call("read Secret " + namespace + "/" + name, () -> {
            Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                return "";
            }
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                new TreeMap<>(Objects.requireNonNullElse(secret.getData(), Map.<String, String>of()))
                        .forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public boolean allowed(String verb, String group, String resource, String namespace, String name) {
        return call("check access to " + verb + " " + resource,
                () -> AccessReviews.allowed(client, verb, group, resource, namespace, name));
    }

    @Override
    public Optional<String> dryRun(Write write) {
        try {
            resource(write).dryRun().patch(PatchContext.of(PatchType.JSON), patch(write));
            return Optional.empty();
        } catch (KubernetesClientException e) {
            return Optional.of(e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : e.getMessage());
        }
    }

    @Override
    public String write(Write write) {
        return call(write.describe(), () -> resource(write).patch(PatchContext.of(PatchType.JSON), patch(write))
                .getMetadata().getResourceVersion());
    }

    @Override
    public Optional<String> uid(WorkloadRef workload) {
        return call("read " + workload, () -> Optional.ofNullable(workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(workload.namespace()).withName(workload.name()).get()
                : client.apps().statefulSets().inNamespace(workload.namespace()).withName(workload.name()).get())
                .map(o -> o.getMetadata().getUid()));
    }

    @Override
    public RolloutStatus rollout(WorkloadRef workload) {
        return call("read the rollout of " + workload, () -> {
            HasMetadata object = workload(workload);
            long generation = Objects.requireNonNullElse(object.getMetadata().getGeneration(), 0L);
            LabelSelector selector;
            RolloutStatus figures;
            if (object instanceof Deployment d) {
                var s = d.getStatus();
                selector = d.getSpec().getSelector();
                figures = new RolloutStatus(n(d.getSpec().getReplicas()), s == null ? 0 : n(s.getUpdatedReplicas()),
                        s == null ? 0 : n(s.getReadyReplicas()), s == null ? 0 : n(s.getAvailableReplicas()),
                        generation, s == null || s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(),
                        List.of());
            } else {
                StatefulSet set = (StatefulSet) object;
                var s = set.getStatus();
                selector = set.getSpec().getSelector();
                figures = new RolloutStatus(n(set.getSpec().getReplicas()), s == null ? 0 : n(s.getUpdatedReplicas()),
                        s == null ? 0 : n(s.getReadyReplicas()), s == null ? 0 : n(s.getAvailableReplicas()),
                        generation, s == null || s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(),
                        List.of());
            }
            List<PodState> pods = client.pods().inNamespace(workload.namespace())
                    .withLabels(selector.getMatchLabels()).list().getItems().stream()
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .map(KubeRollbackCluster::podState).toList();
            return new RolloutStatus(figures.desired(), figures.updated(), figures.ready(), figures.available(),
                    figures.generation(), figures.observedGeneration(), pods);
        });
    }

    private static PodState podState(Pod pod) {
        String image = pod.getSpec().getContainers().isEmpty() ? "" : pod.getSpec().getContainers().get(0).getImage();
        boolean ready = pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String waiting = null;
        int restarts = 0;
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (var cs : pod.getStatus().getContainerStatuses()) {
                restarts += n(cs.getRestartCount());
                if (cs.getState() != null && cs.getState().getWaiting() != null && waiting == null) {
                    waiting = cs.getState().getWaiting().getReason();
                }
            }
        }
        return new PodState(pod.getMetadata().getName(), image, ready, waiting, restarts);
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private Resource<? extends HasMetadata> resource(Write write) {
        if (write.target() == Write.Target.CONFIG_MAP) {
            return client.configMaps().inNamespace(write.namespace()).withName(write.name());
        }
        return write.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(write.namespace()).withName(write.name())
                : client.apps().statefulSets().inNamespace(write.namespace()).withName(write.name());
    }

    /** A JSON patch: "add" replaces a member that exists and creates one that does not. */
    private String patch(Write write) {
        try {
            ObjectNode op = json.createObjectNode().put("op", "add");
            if (write.target() == Write.Target.CONFIG_MAP) {
                op.put("path", "/data").set("value", json.valueToTree(write.data()));
            } else {
                op.put("path", "/spec/template").set("value", read(write.templateJson()));
            }
            return json.writeValueAsString(json.createArrayNode().add(op));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HasMetadata workload(WorkloadRef workload) {
        HasMetadata object = workload.kind() == WorkloadRef.Kind.DEPLOYMENT
                ? client.apps().deployments().inNamespace(workload.namespace()).withName(workload.name()).get()
                : client.apps().statefulSets().inNamespace(workload.namespace()).withName(workload.name()).get();
        if (object == null) {
            throw new ClusterException(workload + " does not exist", null);
        }
        return object;
    }

    private static PodTemplateSpec template(HasMetadata object) {
        return object instanceof Deployment d ? d.getSpec().getTemplate() : ((StatefulSet) object).getSpec().getTemplate();
    }

    private Revision revision(long number, HasMetadata owner, JsonNode template) {
        String created = owner.getMetadata().getCreationTimestamp();
        String canonical = canonical(template);
        return TemplateSummary.of(number, created == null ? null : Instant.parse(created),
                annotation(owner, CHANGE_CAUSE), read(canonical), canonical);
    }

    /** The template as the user wrote it: without controller labels or patch directives, keys sorted. */
    private String canonical(JsonNode template) {
        try {
            JsonNode copy = template.deepCopy();
            if (copy instanceof ObjectNode o) {
                o.remove("$patch");
                if (o.path("metadata").path("labels") instanceof ObjectNode labels) {
                    CONTROLLER_LABELS.forEach(labels::remove);
                }
            }
            return sorted.writeValueAsString(json.treeToValue(copy, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(PodTemplateSpec template) {
        return json.valueToTree(template);
    }

    private JsonNode read(String templateJson) {
        try {
            return json.readTree(templateJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a pod template: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean ownedBy(HasMetadata object, String uid) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Objects.equals(ref.getUid(), uid));
    }

    private static String annotation(HasMetadata object, String key) {
        Map<String, String> a = object.getMetadata().getAnnotations();
        return a == null ? null : a.get(key);
    }

    private static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (KubernetesClientException e) {
            throw new ClusterException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
