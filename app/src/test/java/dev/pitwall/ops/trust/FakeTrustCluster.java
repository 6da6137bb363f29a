package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The cluster, the heartbeats and the patcher in memory: workloads by ref, heartbeats by worker id, an access answer,
 * and a record of every patch. A patch changes the workload's declared env (what the API server would do); the
 * pods' heartbeats change only when the test says so.
 */
public final class FakeTrustCluster implements WorkloadSource, HeartbeatSource, WorkloadPatcher {

    final Map<WorkloadRef, TrustWorkload> workloads = new ConcurrentHashMap<>();
    final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();
    final List<String> patches = new CopyOnWriteArrayList<>();
    /** Each workload's UID: a workload added again (recreated) gets a new one. */
    final Map<WorkloadRef, String> uids = new ConcurrentHashMap<>();
    volatile AccessDecision access = AccessDecision.allow();
    private volatile Runnable onPatch = () -> { };

    /** What happens in the world after each patch (the rollout, when the test wants one). */
    public void onPatch(Runnable then) {
        onPatch = then;
    }

    public void access(AccessDecision decision) {
        access = decision;
    }

    /** The patches made, one line each. */
    public List<String> patches() {
        return List.copyOf(patches);
    }

    public static WorkloadRef deployment(String namespace, String name) {
        return new WorkloadRef(namespace, WorkloadKind.DEPLOYMENT, name);
    }

    /** A workload of {@code group} declaring {@code mode} (null: unset) with pods named name-0.. at ips. */
    public TrustWorkload add(WorkloadRef ref, String group, DeclaredEnv declared, String... podIps) {
        List<WorkerPod> pods = new ArrayList<>();
        for (int i = 0; i < podIps.length; i++) {
            pods.add(new WorkerPod(ref.name() + "-" + i, podIps[i], false));
        }
        TrustWorkload w = new TrustWorkload(ref, group, "worker", declared, podIps.length, pods, List.of());
        workloads.put(ref, w);
        uids.putIfAbsent(ref, "uid-" + ref.name());
        return w;
    }

    /** The workload deleted and created again under its name: the same template, a new UID. */
    public void recreate(WorkloadRef ref) {
        uids.put(ref, "uid-" + ref.name() + "-again");
    }

    public void change(WorkloadRef ref, UnaryOperator<TrustWorkload> change) {
        workloads.computeIfPresent(ref, (k, w) -> change.apply(w));
    }

    /** A fresh heartbeat from the worker at {@code ip} reporting {@code mode} (null: no EXECUTION_MODE). */
    public void beat(String ip, String mode, Instant at) {
        heartbeats.put("worker-" + ip, new Heartbeat("worker-" + ip, ip, at, mode,
                mode == null ? "heartbeat has no workerProps" : null));
    }

    @Override
    public List<TrustWorkload> workloads() {
        return new ArrayList<>(workloads.values());
    }

    @Override
    public Optional<TrustWorkload> workload(WorkloadRef ref) {
        return Optional.ofNullable(workloads.get(ref));
    }

    @Override
    public AutoCloseable follow(Runnable changed) {
        return () -> { };
    }

    @Override
    public List<Heartbeat> heartbeats() {
        return new ArrayList<>(heartbeats.values());
    }

    @Override
    public AccessDecision canPatch(WorkloadRef ref) {
        return access;
    }

    @Override
    public Optional<String> uid(WorkloadRef ref) {
        return workloads.containsKey(ref) ? Optional.ofNullable(uids.get(ref)) : Optional.empty();
    }

    @Override
    public String write(ModeWrite change) {
        WorkloadRef ref = change.ref();
        DeclaredEnv before = change.before();
        ExecutionMode target = change.target();
        TrustWorkload w = workloads.get(ref);
        if (!w.declared().sameSetting(before)) {
            throw new TrustChangeException("changed since read");
        }
        workloads.put(ref, new TrustWorkload(ref, w.groupId(), w.container(), DeclaredEnv.value(target.name()),
                w.replicas(), w.pods(), w.revisions()));
        patches.add(ref + " " + change.container() + " " + before.text() + " -> " + target + " ("
                + change.changeCause() + ")");
        onPatch.run();
        return String.valueOf(patches.size());
    }
}
