package dev.pitwall.demo.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployment controller and the ReplicaSet controller of one Deployment. A changed template gets a ReplicaSet of
 * its own (named by the template hash, with the next {@value #REVISION} number); a template that matches an older
 * ReplicaSet (a rollback) makes that ReplicaSet the newest revision again. A rolling update moves replicas from the
 * old ReplicaSets to the new one within maxSurge and maxUnavailable, removing unavailable old pods first; Recreate
 * stops the old pods before starting new ones; a paused Deployment starts no new revision.
 */
final class DeploymentController implements WorkloadController {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    private static final String COMPONENT = "deployment-controller";
    private static final String REPLICA_SET_COMPONENT = "replicaset-controller";
    private static final String ANNOTATIONS = "/metadata/annotations";

    private final Context context;
    private final Workload workload;
    private final Map<String, ReplicaSetState> replicaSets = new LinkedHashMap<>();
    private Deployment deployment;
    private String templateHash;
    private String reportedStatus;

    DeploymentController(Context context, Deployment deployment) {
        this.context = context;
        this.workload = new Workload(Workload.DEPLOYMENT, deployment.getMetadata().getNamespace(),
                deployment.getMetadata().getName());
        observe(deployment);
    }

    @Override
    public void observe(HasMetadata object) {
        deployment = (Deployment) object;
        templateHash = TemplateHash.of(deployment.getSpec().getTemplate());
    }

    /** Creates the ReplicaSets of a seeded history, and the running pods of its last revision. */
    void seed(List<PastRevision> history) {
        for (int i = 0; i < history.size(); i++) {
            PastRevision past = history.get(i);
            boolean current = i == history.size() - 1;
            ReplicaSetState state = createReplicaSet(past.template(), TemplateHash.of(past.template()), i + 1,
                    past.at(), past.changeCause(), current ? replicas() : 0);
            if (current) {
                state.target = replicas();
                for (int k = 0; k < replicas(); k++) {
                    Instant created = past.at().plusSeconds(5 + 40L * k + context.random().nextInt(20));
                    SimPod pod = newPod(state, created);
                    context.kubelet().seed(pod, created.plusSeconds(6 + context.random().nextInt(15)));
                    state.pods.add(pod);
                }
            }
        }
    }

    @Override
    public void reconcile(Instant now) {
        forgetGonePods();
        ReplicaSetState current = Boolean.TRUE.equals(deployment.getSpec().getPaused()) ? newest()
                : currentRevision(now);
        if (current == null) {
            return;
        }
        plan(current, replicas());
        for (ReplicaSetState rs : replicaSets.values()) {
            if (rs.target != rs.written) {
                String direction = rs.target > rs.written ? "up" : "down";
                context.events().record(now, WorkloadController.reference(deployment), "Normal",
                        "ScalingReplicaSet", "Scaled " + direction + " replica set " + rs.name() + " from "
                                + rs.written + " to " + rs.target, COMPONENT, null);
                ReplicaSet stored = context.api().set(rs.object, Map.of("/spec/replicas", rs.target));
                rs.object = stored != null ? stored : rs.object;
                rs.written = rs.target;
            }
        }
        replicaSets.values().forEach(rs -> reconcilePods(rs, now));
        pruneHistory(current);
    }

    /** Deletes the oldest idle ReplicaSets beyond the Deployment's revisionHistoryLimit (10 by default). */
    private void pruneHistory(ReplicaSetState current) {
        Integer limit = deployment.getSpec().getRevisionHistoryLimit();
        List<ReplicaSetState> idle = replicaSets.values().stream()
                .filter(rs -> rs != current && rs.target == 0 && rs.pods.isEmpty())
                .sorted(Comparator.comparingLong(rs -> rs.revision)).toList();
        for (ReplicaSetState rs : idle.subList(0, Math.max(0, idle.size() - (limit == null ? 10 : limit)))) {
            context.api().delete(rs.object);
            replicaSets.remove(rs.hash);
        }
    }

    private void forgetGonePods() {
        replicaSets.values().forEach(rs -> rs.pods.removeIf(pod -> pod.stage() == SimPod.Stage.GONE));
    }

    /** The ReplicaSet of the current template: created for a new template, made newest again for a rollback. */
    private ReplicaSetState currentRevision(Instant now) {
        ReplicaSetState rs = replicaSets.get(templateHash);
        long newest = replicaSets.values().stream().mapToLong(s -> s.revision).max().orElse(0);
        if (rs == null) {
            rs = createReplicaSet(deployment.getSpec().getTemplate(), templateHash, newest + 1, now, changeCause(), 0);
        } else if (rs.revision < newest) {
            String history = rs.object.getMetadata().getAnnotations().get(REVISION_HISTORY);
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put(ClusterApi.pointer(ANNOTATIONS, REVISION), String.valueOf(newest + 1));
            annotations.put(ClusterApi.pointer(ANNOTATIONS, REVISION_HISTORY),
                    history == null ? String.valueOf(rs.revision) : history + "," + rs.revision);
            if (changeCause() != null) {
                annotations.put(ClusterApi.pointer(ANNOTATIONS, CHANGE_CAUSE), changeCause());
            }
            ReplicaSet stored = context.api().set(rs.object, annotations);
            rs.object = stored != null ? stored : rs.object;
            rs.revision = newest + 1;
        } else {
            return rs;
        }
        Map<String, String> current = deployment.getMetadata().getAnnotations();
        context.api().set(deployment, current == null
                ? Map.of(ANNOTATIONS, Map.of(REVISION, String.valueOf(rs.revision)))
                : Map.of(ClusterApi.pointer(ANNOTATIONS, REVISION), String.valueOf(rs.revision)));
        return rs;
    }

    private ReplicaSetState newest() {
        return replicaSets.containsKey(templateHash) ? replicaSets.get(templateHash)
                : replicaSets.values().stream().max(Comparator.comparingLong(s -> s.revision)).orElse(null);
    }

    /** How many replicas each ReplicaSet should have now: the Deployment controller's rollout arithmetic. */
    private void plan(ReplicaSetState current, int replicas) {
        List<ReplicaSetState> old = replicaSets.values().stream().filter(rs -> rs != current)
                .sorted(Comparator.comparingLong(rs -> rs.revision)).toList();
        DeploymentStrategy strategy = deployment.getSpec().getStrategy();
        if (strategy != null && "Recreate".equals(strategy.getType())) {
            old.forEach(rs -> rs.target = 0);
            boolean oldStopped = old.stream().allMatch(rs -> rs.pods.isEmpty());
            current.target = oldStopped ? replicas : 0;
            return;
        }
        current.target = Math.min(current.target, replicas);
        int oldTargets = old.stream().mapToInt(rs -> rs.target).sum();
        if (oldTargets == 0) {
            current.target = replicas;
            return;
        }
        RollingUpdate limits = RollingUpdate.of(strategy, replicas);
        int room = replicas + limits.surge() - current.target - oldTargets;
        if (room > 0) {
            current.target += Math.min(room, Math.max(0, replicas - current.target));
        }
        int minAvailable = replicas - limits.unavailable();
        int newUnavailable = Math.max(0, current.target - current.healthy());
        int maxScaledDown = current.target + oldTargets - minAvailable - newUnavailable;
        for (ReplicaSetState rs : old) {
            int cut = Math.min(Math.max(0, rs.target - rs.healthy()), Math.max(0, maxScaledDown));
            rs.target -= cut;
            maxScaledDown -= cut;
        }
        int available = replicaSets.values().stream().mapToInt(ReplicaSetState::healthy).sum();
        int canCut = Math.min(maxScaledDown, available - minAvailable);
        for (ReplicaSetState rs : old) {
            int cut = Math.max(0, Math.min(rs.target, canCut));
            rs.target -= cut;
            canCut -= cut;
        }
    }

    /** The ReplicaSet controller: as many active pods as the ReplicaSet's replicas. */
    private void reconcilePods(ReplicaSetState rs, Instant now) {
        List<SimPod> active = rs.pods.stream().filter(SimPod::isActive).toList();
        for (int i = active.size(); i < rs.target; i++) {
            SimPod pod = newPod(rs, now);
            context.kubelet().launch(pod, now);
            rs.pods.add(pod);
            context.events().record(now, WorkloadController.reference(rs.object), "Normal", "SuccessfulCreate",
                    "Created pod: " + pod.name(), REPLICA_SET_COMPONENT, null);
        }
        List<SimPod> victims = active.stream().sorted(DELETION_ORDER).limit(Math.max(0, active.size() - rs.target))
                .toList();
        for (SimPod pod : victims) {
            context.kubelet().terminate(pod, now, false);
            context.events().record(now, WorkloadController.reference(rs.object), "Normal", "SuccessfulDelete",
                    "Deleted pod: " + pod.name(), REPLICA_SET_COMPONENT, null);
        }
    }

    /** Which pods a ReplicaSet removes first: not ready before ready, then the more restarted, then the newer. */
    private static final Comparator<SimPod> DELETION_ORDER = Comparator.comparing(SimPod::isReady)
            .thenComparing(Comparator.comparingInt(SimPod::restarts).reversed())
            .thenComparing(Comparator.comparing(SimPod::created).reversed());

    private SimPod newPod(ReplicaSetState rs, Instant created) {
        String name;
        do {
            name = rs.name() + "-" + Names.suffix(context.random(), 5);
        } while (context.kubelet().find(workload.namespace(), name) != null);
        String node = context.nodes().schedule(context.random());
        return context.pods().build(workload, WorkloadController.controllerRef(rs.object), name, rs.hash,
                Map.of(TemplateHash.POD_TEMPLATE_HASH, rs.hash), rs.object.getSpec().getTemplate(), null, node, created,
                context.random().split());
    }

    private ReplicaSetState createReplicaSet(PodTemplateSpec template, String hash, long revision, Instant at,
                                             String changeCause, int replicas) {
        PodTemplateSpec labelled = PodFactory.copy(template);
        labelled.getMetadata().getLabels().put(TemplateHash.POD_TEMPLATE_HASH, hash);
        Map<String, String> selector = new LinkedHashMap<>(selector());
        selector.put(TemplateHash.POD_TEMPLATE_HASH, hash);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(REVISION, String.valueOf(revision));
        annotations.put("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas()));
        annotations.put("deployment.kubernetes.io/max-replicas",
                String.valueOf(replicas() + RollingUpdate.of(deployment.getSpec().getStrategy(), replicas()).surge()));
        if (changeCause != null) {
            annotations.put(CHANGE_CAUSE, changeCause);
        }
        ReplicaSet object = context.api().create(new ReplicaSetBuilder()
                .withNewMetadata().withNamespace(workload.namespace()).withName(workload.name() + "-" + hash)
                .withLabels(labelled.getMetadata().getLabels()).withAnnotations(annotations)
                .withOwnerReferences(WorkloadController.controllerRef(deployment))
                .withCreationTimestamp(at.toString()).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector()
                .withTemplate(labelled).endSpec()
                .build());
        ReplicaSetState state = new ReplicaSetState(object, hash, revision);
        state.written = replicas;
        replicaSets.put(hash, state);
        return state;
    }

    @Override
    public void reportStatus(Instant now) {
        forgetGonePods();
        for (ReplicaSetState rs : replicaSets.values()) {
            String signature = rs.active() + "/" + rs.healthy() + "/" + rs.object.getMetadata().getGeneration();
            if (!signature.equals(rs.reported) && context.api().replaceStatus(rs.object, new ReplicaSetStatusBuilder()
                    .withReplicas(rs.active()).withFullyLabeledReplicas(rs.active()).withReadyReplicas(rs.healthy())
                    .withAvailableReplicas(rs.healthy()).withObservedGeneration(rs.object.getMetadata()
                            .getGeneration()).build())) {
                rs.reported = signature;
            }
        }
        int replicas = replicas();
        ReplicaSetState current = replicaSets.get(templateHash);
        int total = replicaSets.values().stream().mapToInt(ReplicaSetState::active).sum();
        int available = replicaSets.values().stream().mapToInt(ReplicaSetState::healthy).sum();
        int updated = current == null ? 0 : current.active();
        Long generation = deployment.getMetadata().getGeneration();
        String signature = generation + "/" + replicas + "/" + total + "/" + available + "/" + updated;
        if (!signature.equals(reportedStatus)
                && context.api().replaceStatus(deployment, status(now, current, total, available, updated))) {
            reportedStatus = signature;
        }
    }

    private DeploymentStatus status(Instant now, ReplicaSetState current, int total, int available, int updated) {
        int replicas = replicas();
        int minAvailable = replicas - RollingUpdate.of(deployment.getSpec().getStrategy(), replicas).unavailable();
        boolean complete = updated == replicas && total == replicas && available == replicas;
        String rsName = current == null ? workload.name() : current.name();
        List<DeploymentCondition> conditions = List.of(
                condition(now, "Available", available >= minAvailable,
                        available >= minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                        available >= minAvailable ? "Deployment has minimum availability."
                                : "Deployment does not have minimum availability."),
                condition(now, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                        complete ? "ReplicaSet \"" + rsName + "\" has successfully progressed."
                                : "ReplicaSet \"" + rsName + "\" is progressing."));
        return new DeploymentStatusBuilder().withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(total).withUpdatedReplicas(updated).withReadyReplicas(available)
                .withAvailableReplicas(available).withUnavailableReplicas(Math.max(0, replicas - available))
                .withConditions(conditions).build();
    }

    private static DeploymentCondition condition(Instant now, String type, boolean status, String reason,
                                                 String message) {
        return new DeploymentConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withReason(reason).withMessage(message).withLastUpdateTime(now.toString())
                .withLastTransitionTime(now.toString()).build();
    }

    @Override
    public void deleted(Instant now) {
        for (ReplicaSetState rs : replicaSets.values()) {
            rs.pods.forEach(pod -> context.kubelet().terminate(pod, now, false));
            context.api().delete(rs.object);
        }
        replicaSets.clear();
    }

    private int replicas() {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private Map<String, String> selector() {
        if (deployment.getSpec().getSelector() != null && deployment.getSpec().getSelector().getMatchLabels() != null
                && !deployment.getSpec().getSelector().getMatchLabels().isEmpty()) {
            return deployment.getSpec().getSelector().getMatchLabels();
        }
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private String changeCause() {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(CHANGE_CAUSE);
    }

    /** maxSurge (rounded up) and maxUnavailable (rounded down) against the replicas; both 0 would deadlock. */
    private record RollingUpdate(int surge, int unavailable) {
        static RollingUpdate of(DeploymentStrategy strategy, int replicas) {
            RollingUpdateDeployment rolling = strategy == null ? null : strategy.getRollingUpdate();
            int surge = WorkloadController.scaled(rolling == null ? null : rolling.getMaxSurge(), replicas, true,
                    (int) Math.ceil(replicas * 0.25));
            int unavailable = WorkloadController.scaled(rolling == null ? null : rolling.getMaxUnavailable(),
                    replicas, false, (int) Math.floor(replicas * 0.25));
            return surge == 0 && unavailable == 0 ? new RollingUpdate(0, 1) : new RollingUpdate(surge, unavailable);
        }
    }

    private static final class ReplicaSetState {
        final String hash;
        final List<SimPod> pods = new ArrayList<>();
        ReplicaSet object;
        long revision;
        int target;
        int written;
        String reported;

        ReplicaSetState(ReplicaSet object, String hash, long revision) {
            this.object = object;
            this.hash = hash;
            this.revision = revision;
        }

        String name() {
            return object.getMetadata().getName();
        }

        int active() {
            return (int) pods.stream().filter(SimPod::isActive).count();
        }

        int healthy() {
            return (int) pods.stream().filter(SimPod::isHealthy).count();
        }
    }
}
