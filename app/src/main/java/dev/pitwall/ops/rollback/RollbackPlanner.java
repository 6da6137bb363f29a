package dev.pitwall.ops.rollback;

import dev.pitwall.model.TargetIdentity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a workload's history and captures a rollback plan (target: the previous revision unless one is named). */
public final class RollbackPlanner {

    private final RollbackCluster cluster;
    private final TargetIdentity where;
    private final Clock clock;

    /** @param where the cluster's identity, which every plan made here carries */
    public RollbackPlanner(RollbackCluster cluster, TargetIdentity where, Clock clock) {
        this.cluster = cluster;
        this.where = where;
        this.clock = clock;
    }

    public WorkloadRef workload(String namespace, String name) {
        return cluster.find(namespace, name).orElseThrow(() -> new IllegalArgumentException(
                "no Deployment or StatefulSet " + namespace + "/" + name));
    }

    public List<Revision> history(WorkloadRef workload) {
        return cluster.history(workload);
    }

    /** The revision the workload's template belongs to now (0 when none matches). */
    public long currentRevision(WorkloadRef workload) {
        return cluster.state(workload).currentRevision();
    }

    public RevisionDiff diff(WorkloadRef workload, long from, long to) {
        List<Revision> history = cluster.history(workload);
        return RevisionDiff.between(revision(history, workload, from), revision(history, workload, to),
                name -> cluster.configMap(workload.namespace(), name),
                name -> cluster.secretDigest(workload.namespace(), name));
    }

    /** @param target the revision to return to, or null for the one before the current revision */
    public RollbackPlan plan(WorkloadRef workload, Long target) {
        List<Revision> history = cluster.history(workload);
        WorkloadState state = cluster.state(workload);
        long current = state.currentRevision();
        Revision to = target != null ? revision(history, workload, target) : previous(history, current)
                .orElseThrow(() -> new IllegalArgumentException(workload + " has no revision before " + current));
        if (to.number() == current) {
            throw new IllegalArgumentException(workload + " already runs revision " + current);
        }
        Revision from = history.stream().filter(r -> r.number() == current).findFirst().orElse(null);
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (String name : to.configMaps()) {
            Map<String, String> data = cluster.configMap(workload.namespace(), name);
            if (!data.isEmpty()) {
                configMaps.put(name, data);
            }
        }
        List<Change> diff = from == null ? List.of() : RevisionDiff.between(from, to,
                name -> cluster.configMap(workload.namespace(), name),
                name -> cluster.secretDigest(workload.namespace(), name)).changes();
        List<String> preconditions = List.of(
                "the workload's pod template is still the one of revision " + current + " (resourceVersion "
                        + state.resourceVersion() + " when planned)",
                "revision " + to.number() + " still exists",
                "every write is allowed (access review) and accepted by a server dry run");
        List<String> checks = List.of(
                "rollout: observedGeneration caught up; updated, ready and available replicas equal the desired count",
                "every pod runs " + String.join(", ", to.images()) + " and none is crash-looping",
                "heartbeats of the workload's pods report version " + to.imageTag()
                        + (to.executionMode().isEmpty() ? "" : " and execution mode " + to.executionMode()));
        String uid = cluster.uid(workload).orElseThrow(() -> new IllegalArgumentException(workload
                + " no longer exists"));
        return new RollbackPlan(UUID.randomUUID().toString().substring(0, 8), clock.instant(), workload, current,
                state.resourceVersion(), state.templateJson(), to.number(), to.templateJson(), to.images(),
                to.imageTag(), to.executionMode(), configMaps, diff, preconditions, checks, where, uid);
    }

    private static Optional<Revision> previous(List<Revision> history, long current) {
        return history.stream().filter(r -> r.number() < current).reduce((a, b) -> b);
    }

    private static Revision revision(List<Revision> history, WorkloadRef workload, long number) {
        return history.stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(workload + " has no revision " + number
                        + " (it has " + history.stream().map(r -> String.valueOf(r.number())).toList() + ")"));
    }
}
