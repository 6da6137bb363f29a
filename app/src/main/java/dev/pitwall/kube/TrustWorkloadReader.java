package dev.pitwall.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.ops.trust.DeclaredEnv;
import dev.pitwall.ops.trust.TrustBackendException;
import dev.pitwall.ops.trust.TrustWorkload;
import dev.pitwall.ops.trust.WorkerPod;
import dev.pitwall.ops.trust.WorkloadKind;
import dev.pitwall.ops.trust.WorkloadRef;
import dev.pitwall.ops.trust.WorkloadRevision;
import dev.pitwall.ops.trust.WorkloadSource;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The worker workloads of a profile's scope for trust: Deployments and StatefulSets with their pods (by the
 * workload's matchLabels) and their revision history (ReplicaSets by {@code deployment.kubernetes.io/revision},
 * ControllerRevisions by {@code revision}, each owned by the workload). Lists from the API server, or, while
 * {@link #follow following}, answers from informer caches. API errors become {@link TrustBackendException}s.
 */
public final class TrustWorkloadReader implements WorkloadSource {

    static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
    /** The earlier revision numbers of a ReplicaSet that a rollback (or a return to its template) made newest again. */
    static final String REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private final KubernetesClient client;
    private final TrustScope scope;
    private volatile TrustInformers informers;

    public TrustWorkloadReader(KubernetesClient client, ConnectionProfile profile) {
        this.client = client;
        this.scope = TrustScope.of(profile);
    }

    @Override
    public List<TrustWorkload> workloads() {
        TrustInformers followed = informers;
        ClusterObjects objects = followed != null ? followed.objects() : call("list the worker workloads", this::list);
        return assemble(objects);
    }

    @Override
    public Optional<TrustWorkload> workload(WorkloadRef ref) {
        return call("read " + ref, () -> {
            String ns = ref.namespace();
            HasMetadata workload = ref.kind() == WorkloadKind.DEPLOYMENT
                    ? client.apps().deployments().inNamespace(ns).withName(ref.name()).get()
                    : client.apps().statefulSets().inNamespace(ns).withName(ref.name()).get();
            if (workload == null || template(workload) == null) {
                return Optional.empty();
            }
            Map<String, String> match = matchLabels(workload);
            List<Pod> pods = match.isEmpty() ? List.of()
                    : client.pods().inNamespace(ns).withLabels(match).list().getItems();
            List<ReplicaSet> sets = ref.kind() == WorkloadKind.DEPLOYMENT && !match.isEmpty()
                    ? client.apps().replicaSets().inNamespace(ns).withLabels(match).list().getItems() : List.of();
            List<ControllerRevision> revisions = ref.kind() == WorkloadKind.STATEFUL_SET && !match.isEmpty()
                    ? client.apps().controllerRevisions().inNamespace(ns).withLabels(match).list().getItems()
                    : List.of();
            return Optional.of(workload instanceof Deployment d ? deployment(d, pods, sets)
                    : statefulSet((StatefulSet) workload, pods, revisions));
        });
    }

    @Override
    public AutoCloseable follow(Runnable changed) {
        TrustInformers started = call("watch the worker workloads", () -> TrustInformers.start(client, scope,
                changed));
        informers = started;
        return () -> {
            informers = null;
            started.close();
        };
    }

    private ClusterObjects list() {
        Set<String> selected = scope.namespaceSelector() == null ? Set.of()
                : Set.copyOf(client.namespaces().withLabel(scope.namespaceSelector().key(),
                scope.namespaceSelector().value()).list().getItems().stream()
                .map(n -> n.getMetadata().getName()).toList());
        return new ClusterObjects(list(client.apps().deployments()), list(client.apps().statefulSets()),
                list(client.pods()), list(client.apps().replicaSets()), list(client.apps().controllerRevisions()),
                selected);
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>> List<T> list(
            MixedOperation<T, L, R> op) {
        List<T> out = new ArrayList<>();
        scope.targets(op).forEach(t -> out.addAll(t.list().getItems()));
        return out;
    }

    private List<TrustWorkload> assemble(ClusterObjects o) {
        List<TrustWorkload> out = new ArrayList<>();
        for (Deployment d : o.deployments()) {
            if (wanted(d, template(d), o)) {
                out.add(deployment(d, o.pods(), o.replicaSets()));
            }
        }
        for (StatefulSet s : o.statefulSets()) {
            if (wanted(s, template(s), o)) {
                out.add(statefulSet(s, o.pods(), o.controllerRevisions()));
            }
        }
        return out;
    }

    /** In scope and a worker; a workload without a pod template (malformed) is left out. */
    private boolean wanted(HasMetadata workload, PodTemplateSpec template, ClusterObjects o) {
        return template != null && scope.watches(workload.getMetadata().getNamespace(), o.selectedNamespaces())
                && (scope.hasWorkerLabel() || WorkerTemplates.looksLikeWorker(template));
    }

    private TrustWorkload deployment(Deployment d, List<Pod> pods, List<ReplicaSet> sets) {
        Container worker = WorkerTemplates.workerContainer(d.getSpec().getTemplate());
        List<WorkloadRevision> revisions = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            String revision = annotation(rs.getMetadata(), REVISION_ANNOTATION);
            PodTemplateSpec template = rs.getSpec() == null ? null : rs.getSpec().getTemplate();
            if (ownedBy(rs, d, template) && revision != null && revision.matches("\\d{1,18}")) {
                revisions.addAll(revisions(Long.parseLong(revision), rs.getMetadata(), template, worker));
            }
        }
        return workload(d, WorkloadKind.DEPLOYMENT, worker, d.getSpec().getReplicas(), pods, revisions);
    }

    private TrustWorkload statefulSet(StatefulSet s, List<Pod> pods, List<ControllerRevision> history) {
        Container worker = WorkerTemplates.workerContainer(s.getSpec().getTemplate());
        List<WorkloadRevision> revisions = new ArrayList<>();
        for (ControllerRevision cr : history) {
            PodTemplateSpec template = revisionTemplate(cr);
            if (cr.getRevision() != null && ownedBy(cr, s, template)) {
                revisions.add(revision(cr.getRevision(), cr.getMetadata(), template, worker));
            }
        }
        return workload(s, WorkloadKind.STATEFUL_SET, worker, s.getSpec().getReplicas(), pods, revisions);
    }

    private static TrustWorkload workload(HasMetadata w, WorkloadKind kind, Container worker, Integer replicas,
                                          List<Pod> pods, List<WorkloadRevision> revisions) {
        ObjectMeta meta = w.getMetadata();
        Map<String, String> match = matchLabels(w);
        List<WorkerPod> own = new ArrayList<>();
        for (Pod p : pods) {
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if (meta.getNamespace().equals(p.getMetadata().getNamespace()) && selects(match, p.getMetadata())
                    && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                own.add(new WorkerPod(p.getMetadata().getName(), p.getStatus() == null ? null
                        : p.getStatus().getPodIP(), p.getMetadata().getDeletionTimestamp() != null));
            }
        }
        own.sort(Comparator.comparing(WorkerPod::name));
        return new TrustWorkload(new WorkloadRef(meta.getNamespace(), kind, meta.getName()),
                WorkerTemplates.groupId(worker), worker == null ? null : worker.getName(),
                WorkerTemplates.declared(worker), replicas == null ? 1 : replicas, own, revisions);
    }

    /**
     * A ReplicaSet's revision, and the earlier ones it held before the Deployment returned to its template: the
     * template ran then too, so a history without them would miss what the group ran. The ReplicaSet's creation
     * time belongs to its first revision; when it became the later ones is not recorded.
     */
    private static List<WorkloadRevision> revisions(long number, ObjectMeta meta, PodTemplateSpec template,
                                                    Container current) {
        String earlier = annotation(meta, REVISION_HISTORY_ANNOTATION);
        List<Long> numbers = new ArrayList<>();
        if (earlier != null) {
            for (String n : earlier.split(",")) {
                if (n.strip().matches("\\d{1,18}")) {
                    numbers.add(Long.parseLong(n.strip()));
                }
            }
        }
        if (numbers.isEmpty()) {
            return List.of(revision(number, meta, template, current));
        }
        long first = numbers.stream().mapToLong(Long::longValue).min().getAsLong();
        List<WorkloadRevision> out = new ArrayList<>();
        numbers.add(number);
        for (long n : numbers) {
            WorkloadRevision r = revision(n, meta, template, current);
            out.add(n == first ? r : new WorkloadRevision(n, null, r.changeCause(), r.image(), r.declared()));
        }
        return out;
    }

    private static WorkloadRevision revision(long number, ObjectMeta meta, PodTemplateSpec template,
                                             Container current) {
        Container c = template == null ? null
                : WorkerTemplates.container(template, current == null ? "" : current.getName());
        DeclaredEnv declared = template == null ? DeclaredEnv.unreadable("revision without a pod template")
                : WorkerTemplates.declared(c);
        return new WorkloadRevision(number, instant(meta.getCreationTimestamp()), annotation(meta, CHANGE_CAUSE),
                c == null ? null : c.getImage(), declared);
    }

    /** The pod template a ControllerRevision records: its data is a patch {@code {spec: {template: ...}}}. */
    private PodTemplateSpec revisionTemplate(ControllerRevision cr) {
        Object data = cr.getData() instanceof AnyType any ? any.getValue() : cr.getData();
        if (data == null) {
            return null;
        }
        try {
            JsonNode node = client.getKubernetesSerialization().convertValue(data, JsonNode.class);
            JsonNode template = node.at("/spec/template");
            return template.isMissingNode() ? null
                    : client.getKubernetesSerialization().convertValue(template, PodTemplateSpec.class);
        } catch (IllegalArgumentException e) {
            return null; // an unreadable revision is left out of the history
        }
    }

    private static PodTemplateSpec template(HasMetadata workload) {
        if (workload instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        }
        StatefulSet s = (StatefulSet) workload;
        return s.getSpec() == null ? null : s.getSpec().getTemplate();
    }

    /** Owned by {@code workload} by owner reference; without owner references, by its labels. */
    private static boolean ownedBy(HasMetadata revision, HasMetadata workload, PodTemplateSpec template) {
        ObjectMeta meta = revision.getMetadata();
        if (!workload.getMetadata().getNamespace().equals(meta.getNamespace())) {
            return false;
        }
        List<OwnerReference> owners = meta.getOwnerReferences();
        if (owners != null && !owners.isEmpty()) {
            return owners.stream().anyMatch(o -> workload.getKind().equals(o.getKind())
                    && workload.getMetadata().getName().equals(o.getName()));
        }
        Map<String, String> match = matchLabels(workload);
        return selects(match, meta) || (template != null && selects(match, template.getMetadata()));
    }

    private static Map<String, String> matchLabels(HasMetadata workload) {
        LabelSelector selector = workload instanceof Deployment d ? (d.getSpec() == null ? null
                : d.getSpec().getSelector()) : workload instanceof StatefulSet s && s.getSpec() != null
                ? s.getSpec().getSelector() : null;
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    /** An empty selector selects nothing here: a workload never owns every pod of its namespace. */
    private static boolean selects(Map<String, String> match, ObjectMeta meta) {
        Map<String, String> labels = meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
        return !match.isEmpty() && labels.entrySet().containsAll(match.entrySet());
    }

    private static String annotation(ObjectMeta meta, String name) {
        return meta.getAnnotations() == null ? null : meta.getAnnotations().get(name);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (KubernetesClientException e) {
            throw new TrustBackendException("the Kubernetes API at " + client.getMasterUrl() + " could not " + what
                    + ": " + KubeErrors.describe(e), e);
        }
    }
}
