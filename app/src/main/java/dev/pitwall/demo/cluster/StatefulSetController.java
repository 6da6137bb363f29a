package dev.pitwall.demo.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The StatefulSet controller of one StatefulSet. A changed template becomes a ControllerRevision (the next
 * {@code revision}; a template that matches an older revision makes that one newest again); pods are named by ordinal,
 * keep their cache claim across replacements, and carry the controller-revision-hash of the revision they run. A
 * RollingUpdate replaces pods from the highest ordinal down to the partition, one at a time (or up to an explicit
 * maxUnavailable), waiting for each replaced pod to be Running and Ready; OnDelete replaces only pods someone deleted.
 * With the OrderedReady policy nothing proceeds while any pod is not Running and Ready, as in Kubernetes.
 */
final class StatefulSetController implements WorkloadController {

    static final String REVISION_LABEL = "controller-revision-hash";
    private static final String HASH_LABEL = "controller.kubernetes.io/hash";
    private static final String COMPONENT = "statefulset-controller";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context context;
    private final Workload workload;
    private final Map<String, Revision> revisions = new LinkedHashMap<>();
    private final TreeMap<Integer, SimPod> pods = new TreeMap<>();
    private final Set<Integer> claims = new HashSet<>();
    private StatefulSet set;
    private String templateHash;
    private String currentRevision;
    private String updateRevision;
    private String reportedStatus;

    StatefulSetController(Context context, StatefulSet set) {
        this.context = context;
        this.workload = new Workload(Workload.STATEFUL_SET, set.getMetadata().getNamespace(),
                set.getMetadata().getName());
        observe(set);
    }

    @Override
    public void observe(HasMetadata object) {
        set = (StatefulSet) object;
        templateHash = TemplateHash.of(set.getSpec().getTemplate());
    }

    /** Creates the revisions of a seeded history, the claims, and the running pods of the last revision. */
    void seed(List<PastRevision> history) {
        for (int i = 0; i < history.size(); i++) {
            PastRevision past = history.get(i);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(DeploymentController.CHANGE_CAUSE, past.changeCause());
            createRevision(past.template(), TemplateHash.of(past.template()), i + 1, past.at(), annotations);
        }
        currentRevision = updateRevision = TemplateHash.of(history.get(history.size() - 1).template());
        Instant firstCreated = history.get(0).at();
        Instant rolledOut = history.get(history.size() - 1).at();
        for (int ordinal = replicas() - 1; ordinal >= 0; ordinal--) {
            ensureClaim(ordinal, firstCreated.plusSeconds(20L * ordinal));
            Instant created = rolledOut.plusSeconds(10 + 45L * (replicas() - 1 - ordinal));
            SimPod pod = newPod(ordinal, updateRevision, created);
            context.kubelet().seed(pod, created.plusSeconds(8 + context.random().nextInt(15)));
            pods.put(ordinal, pod);
        }
    }

    @Override
    public void reconcile(Instant now) {
        forgetGonePods();
        ensureUpdateRevision(now);
        boolean ordered = !"Parallel".equals(set.getSpec().getPodManagementPolicy());
        int replicas = replicas();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            SimPod pod = pods.get(ordinal);
            if (pod == null) {
                create(ordinal, now);
                if (ordered) {
                    return;
                }
            } else if (ordered && !pod.isHealthy()) {
                return; // OrderedReady: wait until every pod is Running and Ready
            }
        }
        for (SimPod pod : List.copyOf(pods.tailMap(replicas, true).descendingMap().values())) {
            if (pod.isActive()) {
                delete(pod, now);
            }
            if (ordered) {
                return; // one at a time, waiting for it to be gone
            }
        }
        rollingUpdate(now, replicas);
        pruneHistory();
    }

    /** Deletes the oldest revisions no pod runs beyond the StatefulSet's revisionHistoryLimit (10 by default). */
    private void pruneHistory() {
        Integer limit = set.getSpec().getRevisionHistoryLimit();
        Set<String> inUse = new HashSet<>(List.of(currentRevision, updateRevision));
        pods.values().forEach(pod -> inUse.add(pod.revision()));
        List<Map.Entry<String, Revision>> idle = revisions.entrySet().stream()
                .filter(e -> !inUse.contains(e.getKey()))
                .sorted(Comparator.comparingLong(e -> e.getValue().number)).toList();
        for (Map.Entry<String, Revision> entry : idle.subList(0, Math.max(0, idle.size()
                - (limit == null ? 10 : limit)))) {
            context.api().delete(entry.getValue().object);
            revisions.remove(entry.getKey());
        }
    }

    private void forgetGonePods() {
        pods.values().removeIf(pod -> pod.stage() == SimPod.Stage.GONE);
    }

    private void rollingUpdate(Instant now, int replicas) {
        StatefulSetUpdateStrategy strategy = set.getSpec().getUpdateStrategy();
        if (strategy != null && "OnDelete".equals(strategy.getType())) {
            return;
        }
        RollingUpdateStatefulSetStrategy rolling = strategy == null ? null : strategy.getRollingUpdate();
        int partition = partition();
        if (rolling == null || rolling.getMaxUnavailable() == null) {
            for (int ordinal = replicas - 1; ordinal >= partition; ordinal--) {
                SimPod pod = pods.get(ordinal);
                if (pod == null) {
                    return; // being replaced
                }
                if (!pod.revision().equals(updateRevision) && pod.isActive()) {
                    delete(pod, now);
                    return;
                }
                if (!pod.isHealthy()) {
                    return; // wait for the replaced pod to be Running and Ready
                }
            }
            return;
        }
        // maxUnavailable (the MaxUnavailableStatefulSet feature): replace several at once, within the budget
        int budget = WorkloadController.scaled(rolling.getMaxUnavailable(), replicas, false, 1);
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            SimPod pod = pods.get(ordinal);
            if (pod == null || !pod.isHealthy()) {
                budget--;
            }
        }
        for (int ordinal = replicas - 1; ordinal >= partition && budget > 0; ordinal--) {
            SimPod pod = pods.get(ordinal);
            if (pod != null && pod.isActive() && !pod.revision().equals(updateRevision)) {
                delete(pod, now);
                budget--;
            }
        }
    }

    private void ensureUpdateRevision(Instant now) {
        String hash = templateHash;
        if (hash.equals(updateRevision)) {
            return;
        }
        Revision revision = revisions.get(hash);
        long newest = revisions.values().stream().mapToLong(r -> r.number).max().orElse(0);
        if (revision == null) {
            createRevision(set.getSpec().getTemplate(), hash, newest + 1, now, set.getMetadata().getAnnotations());
        } else if (revision.number < newest) {
            revision.number = newest + 1;
            context.api().set(revision.object, Map.of("/revision", revision.number));
        }
        updateRevision = hash;
        if (currentRevision == null) {
            currentRevision = hash;
        }
    }

    private void createRevision(PodTemplateSpec template, String hash, long number, Instant at,
                                Map<String, String> annotations) {
        Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
        labels.put(HASH_LABEL, hash);
        @SuppressWarnings("unchecked")
        Map<String, Object> replacement = JSON.convertValue(template, LinkedHashMap.class);
        replacement.put("$patch", "replace");
        ControllerRevision object = context.api().create(new ControllerRevisionBuilder()
                .withNewMetadata().withNamespace(workload.namespace()).withName(revisionName(hash))
                .withLabels(labels).withAnnotations(annotations)
                .withOwnerReferences(WorkloadController.controllerRef(set))
                .withCreationTimestamp(at.toString()).endMetadata()
                .withRevision(number).withData(Map.of("spec", Map.of("template", replacement)))
                .build());
        revisions.put(hash, new Revision(object, template, number));
    }

    private void create(int ordinal, Instant now) {
        String revision = ordinal < partition() && currentRevision != null ? currentRevision : updateRevision;
        ensureClaim(ordinal, now);
        SimPod pod = newPod(ordinal, revision, now);
        context.kubelet().launch(pod, now);
        pods.put(ordinal, pod);
        context.events().record(now, WorkloadController.reference(set), "Normal", "SuccessfulCreate",
                "create Pod " + pod.name() + " in StatefulSet " + workload.name() + " successful", COMPONENT, null);
    }

    private void delete(SimPod pod, Instant now) {
        context.kubelet().terminate(pod, now, false);
        context.events().record(now, WorkloadController.reference(set), "Normal", "SuccessfulDelete",
                "delete Pod " + pod.name() + " in StatefulSet " + workload.name() + " successful", COMPONENT, null);
    }

    private SimPod newPod(int ordinal, String revision, Instant created) {
        String name = workload.name() + "-" + ordinal;
        PodTemplateSpec template = PodFactory.copy(revisions.get(revision).template);
        template.getSpec().setHostname(name);
        template.getSpec().setSubdomain(set.getSpec().getServiceName());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(REVISION_LABEL, revisionName(revision));
        labels.put("statefulset.kubernetes.io/pod-name", name);
        labels.put("apps.kubernetes.io/pod-index", String.valueOf(ordinal));
        PersistentVolumeClaimSpec claim = cacheClaimTemplate();
        PodFactory.CacheClaim cache = claim == null ? null : new PodFactory.CacheClaim(claimName(ordinal),
                Quantity.getAmountInBytes(claim.getResources().getRequests().get("storage")).longValue());
        String node = context.nodes().schedule(context.random());
        return context.pods().build(workload, WorkloadController.controllerRef(set), name, revision, labels, template,
                cache, node, created, context.random().split());
    }

    /** The pod's cache claim, created with its first pod and kept when pods are replaced or scaled away. */
    private void ensureClaim(int ordinal, Instant at) {
        PersistentVolumeClaimSpec template = cacheClaimTemplate();
        if (template == null || !claims.add(ordinal)) {
            return;
        }
        Quantity size = template.getResources().getRequests().get("storage");
        List<String> modes = template.getAccessModes().isEmpty() ? List.of("ReadWriteOnce") : template.getAccessModes();
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withNamespace(workload.namespace()).withName(claimName(ordinal))
                .withLabels(set.getSpec().getSelector().getMatchLabels()).withCreationTimestamp(at.toString())
                .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
                .addToAnnotations("volume.kubernetes.io/storage-provisioner", "ebs.csi.aws.com").endMetadata()
                .withNewSpec().withAccessModes(modes).withNewResources().addToRequests("storage", size).endResources()
                .withStorageClassName(template.getStorageClassName() == null ? "gp3" : template.getStorageClassName())
                .withVolumeMode("Filesystem").withVolumeName("pvc-" + Names.uuid(context.random())).endSpec()
                .withNewStatus().withPhase("Bound").withAccessModes(modes).addToCapacity("storage", size).endStatus()
                .build();
        context.api().create(claim);
        context.events().record(at, WorkloadController.reference(set), "Normal", "SuccessfulCreate", "create Claim "
                + claimName(ordinal) + " Pod " + workload.name() + "-" + ordinal + " in StatefulSet "
                + workload.name() + " success", COMPONENT, null);
    }

    private PersistentVolumeClaimSpec cacheClaimTemplate() {
        return set.getSpec().getVolumeClaimTemplates().stream()
                .filter(t -> CacheVolume.NAME.equals(t.getMetadata().getName())).map(PersistentVolumeClaim::getSpec)
                .findFirst().orElse(null);
    }

    private String claimName(int ordinal) {
        return CacheVolume.NAME + "-" + workload.name() + "-" + ordinal;
    }

    private String revisionName(String hash) {
        return workload.name() + "-" + hash;
    }

    @Override
    public void reportStatus(Instant now) {
        forgetGonePods();
        int existing = pods.size();
        int ready = (int) pods.values().stream().filter(SimPod::isHealthy).count();
        int updated = (int) pods.values().stream().filter(p -> p.revision().equals(updateRevision)).count();
        if (updated == existing && ready == existing && existing == replicas()) {
            currentRevision = updateRevision; // the rolling update is complete
        }
        int current = (int) pods.values().stream().filter(p -> p.revision().equals(currentRevision)).count();
        Long generation = set.getMetadata().getGeneration();
        String signature = generation + "/" + existing + "/" + ready + "/" + current + "/" + updated + "/"
                + currentRevision + "/" + updateRevision;
        if (!signature.equals(reportedStatus) && context.api().replaceStatus(set, new StatefulSetStatusBuilder()
                .withObservedGeneration(generation).withReplicas(existing).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withCurrentReplicas(current).withUpdatedReplicas(updated)
                .withCurrentRevision(revisionName(currentRevision)).withUpdateRevision(revisionName(updateRevision))
                .withCollisionCount(0).build())) {
            reportedStatus = signature;
        }
    }

    @Override
    public void deleted(Instant now) {
        pods.values().forEach(pod -> context.kubelet().terminate(pod, now, false));
        pods.clear();
        revisions.values().forEach(revision -> context.api().delete(revision.object));
        revisions.clear();
    }

    private int replicas() {
        Integer replicas = set.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private int partition() {
        StatefulSetUpdateStrategy strategy = set.getSpec().getUpdateStrategy();
        Integer partition = strategy == null || strategy.getRollingUpdate() == null ? null
                : strategy.getRollingUpdate().getPartition();
        return partition == null ? 0 : partition;
    }

    private static final class Revision {
        final ControllerRevision object;
        final PodTemplateSpec template;
        long number;

        Revision(ControllerRevision object, PodTemplateSpec template, long number) {
            this.object = object;
            this.template = PodFactory.copy(template);
            this.number = number;
        }
    }
}
