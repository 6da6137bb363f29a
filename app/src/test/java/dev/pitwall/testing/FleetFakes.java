package dev.pitwall.testing;

import dev.pitwall.model.ConnectionProfile;
import dev.pitwall.model.Heartbeat;
import dev.pitwall.ops.alert.AlertCenter;
import dev.pitwall.ops.connect.BackendHealthMonitor;
import dev.pitwall.ops.exec.BackgroundExecutor;
import dev.pitwall.ops.fleet.ClusterEvent;
import dev.pitwall.ops.fleet.ClusterWatch;
import dev.pitwall.ops.fleet.EnvVar;
import dev.pitwall.ops.fleet.FailedRunCounter;
import dev.pitwall.ops.fleet.FeedException;
import dev.pitwall.ops.fleet.FleetEngine;
import dev.pitwall.ops.fleet.FleetSources;
import dev.pitwall.ops.fleet.HeartbeatSource;
import dev.pitwall.ops.fleet.PodState;
import dev.pitwall.ops.fleet.VolumeStatsSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** In-memory back-ends for the fleet engine, and a builder of worker pods. */
public final class FleetFakes {

    private FleetFakes() {
    }

    /** A cluster whose events the test emits by hand. */
    public static final class Cluster implements ClusterWatch {
        private volatile Consumer<ClusterEvent> sink;
        private volatile Connection connection = Connection.up();

        @Override
        public CompletableFuture<Void> start(Consumer<ClusterEvent> sink) {
            this.sink = sink;
            return CompletableFuture.completedFuture(null);
        }

        public void emit(ClusterEvent... events) {
            for (ClusterEvent e : events) {
                sink.accept(e);
            }
        }

        public void pods(PodState... pods) {
            for (PodState p : pods) {
                sink.accept(new ClusterEvent.PodChanged(p));
            }
        }

        public void setConnection(Connection c) {
            connection = c;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public void close() {
        }
    }

    /** Kubelet stats per node; a node mapped to an exception fails. */
    public static final class Volumes implements VolumeStatsSource {
        private final Map<String, Object> byNode = new HashMap<>();

        public synchronized void set(String node, VolumeUsage... usages) {
            byNode.put(node, List.of(usages));
        }

        public synchronized void fail(String node, String reason) {
            byNode.put(node, new FeedException(reason));
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized List<VolumeUsage> read(String node) throws FeedException {
            Object v = byNode.get(node);
            if (v instanceof FeedException e) {
                throw e;
            }
            return v == null ? List.of() : (List<VolumeUsage>) v;
        }
    }

    /** Heartbeats the test sets; a failure reason makes reads fail. */
    public static final class Heartbeats implements HeartbeatSource {
        private volatile List<Heartbeat> heartbeats = List.of();
        private volatile List<String> problems = List.of();
        private volatile String failure;

        public void set(Heartbeat... hs) {
            heartbeats = List.of(hs);
            failure = null;
        }

        public void problems(String... p) {
            problems = List.of(p);
        }

        public void fail(String reason) {
            failure = reason;
        }

        @Override
        public Read read() throws FeedException {
            if (failure != null) {
                throw new FeedException(failure);
            }
            return new Read(heartbeats, problems);
        }

        @Override
        public void close() {
        }
    }

    public static final class FailedRuns implements FailedRunCounter {
        private volatile Map<String, Long> counts = Map.of();

        public void set(Map<String, Long> c) {
            counts = c;
        }

        @Override
        public Map<String, Long> failedRunsSince(Instant since, List<NamespaceWorkers> namespaces) {
            return counts;
        }
    }

    /** A heartbeat in the reference's shape. */
    public static Heartbeat heartbeat(String workerId, String ip, String mode, String version, Instant updatedAt,
                                      int busy, int total) {
        List<Heartbeat.Sandbox> boxes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boxes.add(new Heartbeat.Sandbox("sb-" + i, "box-" + i, i < busy, 50_000_000L));
        }
        return new Heartbeat(workerId, ip, 42.5, 61.0, 8_000_000_000L, 4,
                new Heartbeat.Disk(20_000_000_000L, 5_000_000_000L, 15_000_000_000L, 75.0), mode, "5", "1048576",
                "true", version, boxes, updatedAt);
    }

    /** An engine over fakes, publishing every change at once (no frame interval). */
    public static FleetEngine engine(FleetSources sources, BackgroundExecutor executor, Clock clock,
                                     AlertCenter alerts) {
        BackendHealthMonitor health = new BackendHealthMonitor(ConnectionProfile.empty("test"), List.of(), clock);
        return new FleetEngine(sources, executor, clock, alerts, health,
                FleetEngine.Settings.defaults().immediate());
    }

    public static PodBuilder pod(String namespace, String name) {
        return new PodBuilder(namespace, name);
    }

    /** A healthy shared worker pod of a Deployment unless told otherwise. */
    public static final class PodBuilder {
        private final String namespace;
        private final String name;
        private boolean hasStatus = true;
        private String phase = "Running";
        private Boolean ready = true;
        private Integer restarts = 0;
        private String lastTermination;
        private String waiting;
        private String node = "node-1";
        private String ip;
        private String image = "ghcr.io/activepieces/activepieces:0.87.3";
        private final List<EnvVar> env = new ArrayList<>();
        private String ownerKind = "ReplicaSet";
        private String ownerName = "activepieces-worker-5d9f";
        private String revisionName = "activepieces-worker-5d9f";
        private String templateHash = "5d9f";
        private String cacheVolume = "cache";

        PodBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
            this.ip = "10.0." + Math.abs(name.hashCode() % 250) + "." + Math.abs((namespace + name).hashCode() % 250);
            env.add(EnvVar.literal("AP_EXECUTION_MODE", "SANDBOX_PROCESS"));
        }

        public PodBuilder ip(String v) {
            ip = v;
            return this;
        }

        public PodBuilder node(String v) {
            node = v;
            return this;
        }

        public PodBuilder phase(String v) {
            phase = v;
            return this;
        }

        public PodBuilder ready(Boolean v) {
            ready = v;
            return this;
        }

        public PodBuilder restarts(int n, String lastReason) {
            restarts = n;
            lastTermination = lastReason;
            return this;
        }

        public PodBuilder waiting(String reason) {
            waiting = reason;
            return this;
        }

        public PodBuilder image(String v) {
            image = v;
            return this;
        }

        public PodBuilder env(EnvVar v) {
            env.removeIf(e -> e.name().equals(v.name()));
            env.add(v);
            return this;
        }

        public PodBuilder noEnv() {
            env.clear();
            return this;
        }

        public PodBuilder replicaSet(String rs, String hash) {
            ownerKind = "ReplicaSet";
            ownerName = rs;
            revisionName = rs;
            templateHash = hash;
            return this;
        }

        public PodBuilder statefulSet(String sts, String revisionHash) {
            ownerKind = "StatefulSet";
            ownerName = sts;
            revisionName = revisionHash;
            templateHash = null;
            return this;
        }

        public PodBuilder noOwner() {
            ownerKind = null;
            ownerName = null;
            revisionName = null;
            templateHash = null;
            return this;
        }

        public PodBuilder noStatus() {
            hasStatus = false;
            phase = null;
            ready = null;
            restarts = null;
            ip = null;
            return this;
        }

        public PodBuilder cacheVolume(String v) {
            cacheVolume = v;
            return this;
        }

        public String ip() {
            return ip;
        }

        public PodState build() {
            return new PodState(namespace, name, Map.of("app.kubernetes.io/component", "worker"), hasStatus, phase,
                    ready, restarts, lastTermination, waiting, node, ip, image, env, List.of(), ownerKind, ownerName,
                    revisionName, templateHash, cacheVolume, Instant.parse("2026-11-27T21:00:00Z"));
        }
    }
}
