package dev.pitwall.ops.fleet;

import dev.pitwall.model.Heartbeat;
import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.NamespaceSummary;
import dev.pitwall.model.NamespaceSummary.WorkloadReadiness;
import dev.pitwall.model.VolumeReading;
import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.ClusterEvent.EventSeen;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceForbidden;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceGone;
import dev.pitwall.ops.fleet.ClusterEvent.NamespaceSeen;
import dev.pitwall.ops.fleet.ClusterEvent.PodChanged;
import dev.pitwall.ops.fleet.ClusterEvent.PodDeleted;
import dev.pitwall.ops.fleet.ClusterEvent.RevisionChanged;
import dev.pitwall.ops.fleet.ClusterEvent.RevisionDeleted;
import dev.pitwall.ops.fleet.ClusterEvent.WorkloadChanged;
import dev.pitwall.ops.fleet.ClusterEvent.WorkloadDeleted;
import dev.pitwall.ops.fleet.VolumeStatsSource.VolumeUsage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fleet's state, folded from cluster events, heartbeat reads and kubelet stats. Single-threaded: the engine feeds
 * it from one serial queue. Inputs only mark rows and namespaces dirty; {@link #refresh} re-derives just those, and
 * keeps the previous row object when nothing in it changed.
 */
final class FleetFold implements WorkerRows.Context {

    static final int RECENT_EVENTS = 10;
    static final int POD_EVENTS = 30;
    private static final int MAX_NOTICES = 20;

    private final Map<String, PodState> pods = new HashMap<>();
    private final Map<String, Set<String>> podsByNamespace = new HashMap<>();
    private final Map<String, Set<String>> podsByRevision = new HashMap<>();
    private final Map<String, Set<String>> podsByIp = new HashMap<>();
    private final Map<String, Set<String>> podsByNode = new HashMap<>();
    private final Map<String, Map<String, WorkloadState>> workloads = new HashMap<>();
    private final Map<String, RevisionState> revisions = new HashMap<>();
    private final Set<String> namespacesSeen = new HashSet<>();
    private final Map<String, String> forbidden = new HashMap<>();
    private final HeartbeatBook heartbeats = new HeartbeatBook();
    private final String heartbeatsAbsent;
    private boolean heartbeatsRead;
    private List<String> heartbeatProblems = List.of();
    private final List<String> scopeNotices = new ArrayList<>();
    private final ForecastRule forecast;
    private final Map<String, VolumeHistory> volumes = new HashMap<>();
    private final Map<String, String> volumeGaps = new HashMap<>();
    private boolean volumesRead;
    private final RestartTracker restarts = new RestartTracker();
    private final EventLog events = new EventLog();
    private Map<String, Long> failedRuns = Map.of();
    private String failedRunsGap;
    private long clusterEvents;

    private final Map<String, Worker> rows = new HashMap<>();
    private final Set<String> dirtyPods = new HashSet<>();
    private final Set<String> dirtyNamespaces = new HashSet<>();
    private final Map<String, NamespaceSummary> summaries = new TreeMap<>();
    private List<Worker> rowList = List.of();
    private final Map<String, Worker> changedRows = new HashMap<>();
    private final Set<String> removedRows = new HashSet<>();
    private List<NamespaceSummary> summaryList = List.of();
    private boolean rowsChanged;
    private boolean summariesChanged;
    private boolean unmatchedDirty;
    private List<String> unmatchedNotices = List.of();

    /**
     * @param heartbeatsAbsent why there are no heartbeats (no Redis in the profile), or null when there is a source
     * @param failedRunsAbsent why there are no failed-run counts, or null when there is a source
     * @param forecast         how much volume history a forecast needs
     */
    FleetFold(String heartbeatsAbsent, String failedRunsAbsent, ForecastRule forecast) {
        this.heartbeatsAbsent = heartbeatsAbsent;
        this.forecast = forecast;
        this.failedRunsGap = failedRunsAbsent != null ? failedRunsAbsent : "waiting for the platform";
    }

    // ---- inputs ----

    void apply(ClusterEvent e, Instant now) {
        clusterEvents++;
        if (e instanceof PodChanged c) {
            putPod(c.pod(), now);
        } else if (e instanceof PodDeleted d) {
            removePod(Worker.key(d.namespace(), d.name()));
        } else if (e instanceof WorkloadChanged c) {
            WorkloadState w = c.workload();
            workloads.computeIfAbsent(w.namespace(), k -> new HashMap<>()).put(w.key(), w);
            dirtyNamespaces.add(w.namespace());
        } else if (e instanceof WorkloadDeleted d) {
            Map<String, WorkloadState> in = workloads.get(d.namespace());
            if (in != null) {
                in.remove(WorkloadState.key(d.kind(), d.namespace(), d.name()));
            }
            dirtyNamespaces.add(d.namespace());
        } else if (e instanceof RevisionChanged c) {
            revisions.put(c.revision().key(), c.revision());
            dirtyPods.addAll(podsByRevision.getOrDefault(c.revision().key(), Set.of()));
            dirtyNamespaces.add(c.revision().namespace());
        } else if (e instanceof RevisionDeleted d) {
            String key = d.namespace() + "/" + d.name();
            revisions.remove(key);
            dirtyPods.addAll(podsByRevision.getOrDefault(key, Set.of()));
        } else if (e instanceof EventSeen s) {
            events.add(s.event());
            dirtyNamespaces.add(s.event().namespace());
        } else if (e instanceof NamespaceSeen s) {
            namespacesSeen.add(s.name());
            dirtyNamespaces.add(s.name());
        } else if (e instanceof NamespaceGone g) {
            dropNamespace(g.name());
        } else if (e instanceof NamespaceForbidden f) {
            forbidden.put(f.name(), f.reason());
            dirtyNamespaces.add(f.name());
        } else if (e instanceof ClusterEvent.ScopeNarrowed n && !scopeNotices.contains(n.reason())) {
            scopeNotices.add(n.reason());
        }
    }

    void heartbeats(HeartbeatSource.Read read, Instant now) {
        Set<String> changedIps = heartbeats.update(read.heartbeats(), now);
        if (!heartbeatsRead) {
            heartbeatsRead = true;
            dirtyPods.addAll(pods.keySet());
        }
        for (String ip : changedIps) {
            dirtyPods.addAll(podsByIp.getOrDefault(ip, Set.of()));
        }
        heartbeatProblems = read.problems();
        unmatchedDirty = true;
    }

    /** One node's kubelet answered: every pod on it gets a sample, or the reason its cache volume is missing. */
    void volumes(String node, List<VolumeUsage> usages, Instant now) {
        Map<String, VolumeUsage> byPodVolume = new HashMap<>();
        for (VolumeUsage u : usages) {
            byPodVolume.put(Worker.key(u.namespace(), u.pod()) + "/" + u.volume(), u);
        }
        for (String key : podsByNode.getOrDefault(node, Set.of())) {
            PodState p = pods.get(key);
            if (p.cacheVolume() == null) {
                continue;
            }
            VolumeUsage u = byPodVolume.get(key + "/" + p.cacheVolume());
            if (u == null) {
                volumeGaps.put(key, "kubelet reports no volume " + p.cacheVolume());
            } else {
                volumes.computeIfAbsent(key, k -> new VolumeHistory(forecast))
                        .add(now, u.usedBytes(), u.capacityBytes());
                volumeGaps.remove(key);
            }
            dirtyPods.add(key);
        }
    }

    /** One node's kubelet could not be read: its pods' volumes are unknown, with the reason. */
    void volumesFailed(String node, String reason) {
        for (String key : podsByNode.getOrDefault(node, Set.of())) {
            volumeGaps.put(key, "kubelet stats of node " + node + ": " + reason);
            dirtyPods.add(key);
        }
    }

    void volumeRoundDone() {
        if (!volumesRead) {
            volumesRead = true;
            dirtyPods.addAll(pods.keySet());
        }
    }

    void failedRuns(Map<String, Long> counts) {
        failedRuns = Map.copyOf(counts);
        failedRunsGap = null;
        dirtyNamespaces.addAll(allNamespaces());
    }

    void failedRunsUnavailable(String reason) {
        failedRunsGap = reason;
        dirtyNamespaces.addAll(allNamespaces());
    }

    // ---- derived state ----

    /** Re-derives the dirty rows and namespaces. */
    void refresh() {
        for (String key : dirtyPods) {
            PodState p = pods.get(key);
            if (p == null) {
                continue;
            }
            Worker next = WorkerRows.derive(p, this);
            Worker before = rows.get(key);
            if (!next.equals(before)) {
                rows.put(key, next);
                changedRows.put(key, next);
                removedRows.remove(key);
                rowsChanged = true;
                dirtyNamespaces.add(p.namespace());
            }
        }
        dirtyPods.clear();
        for (String ns : dirtyNamespaces) {
            NamespaceSummary s = summarize(ns);
            NamespaceSummary before = s == null ? summaries.remove(ns) : summaries.put(ns, s);
            summariesChanged |= !java.util.Objects.equals(s, before);
        }
        dirtyNamespaces.clear();
        if (rowsChanged) {
            rowList = List.copyOf(rows.values());
            rowsChanged = false;
        }
        if (summariesChanged) {
            summaryList = List.copyOf(summaries.values());
            summariesChanged = false;
        }
        if (unmatchedDirty) {
            unmatchedNotices = unmatchedNotices();
            unmatchedDirty = false;
        }
    }

    List<Worker> workers() {
        return rowList;
    }

    /** The rows added or changed since the last call; then forgets them. */
    List<Worker> takeChanged() {
        List<Worker> out = List.copyOf(changedRows.values());
        changedRows.clear();
        return out;
    }

    /** The keys of the rows removed since the last call; then forgets them. */
    Set<String> takeRemoved() {
        Set<String> out = Set.copyOf(removedRows);
        removedRows.clear();
        return out;
    }

    List<NamespaceSummary> namespaces() {
        return summaryList;
    }

    long clusterEvents() {
        return clusterEvents;
    }

    boolean restartsRising(String podKey, Instant now) {
        return restarts.rising(podKey, now);
    }

    /** Problems that belong to no row. */
    List<String> notices() {
        List<String> out = new ArrayList<>(scopeNotices);
        out.addAll(heartbeatProblems);
        out.addAll(unmatchedNotices);
        return out;
    }

    Set<String> nodes() {
        return Set.copyOf(podsByNode.keySet());
    }

    List<FailedRunCounter.NamespaceWorkers> namespaceWorkers() {
        List<FailedRunCounter.NamespaceWorkers> out = new ArrayList<>();
        for (String ns : new TreeSet<>(podsByNamespace.keySet())) {
            Set<String> groups = new TreeSet<>();
            Set<String> names = new TreeSet<>();
            Set<String> workerIds = new TreeSet<>();
            for (String key : podsByNamespace.get(ns)) {
                PodState pod = pods.get(key);
                names.add(pod.name());
                HeartbeatBook.Entry beat = heartbeats.byIp(pod.ip());
                if (beat != null) {
                    workerIds.add(beat.heartbeat().workerId());
                }
                Worker w = rows.get(key);
                if (w != null && w.group() != null) {
                    groups.add(w.group());
                }
            }
            out.add(new FailedRunCounter.NamespaceWorkers(ns, groups, names, workerIds));
        }
        return out;
    }

    PodDetail detail(String podKey) {
        PodState p = pods.get(podKey);
        Worker w = rows.get(podKey);
        if (p == null || w == null) {
            return null;
        }
        VolumeHistory history = volumes.get(podKey);
        List<KubeEvent> podEvents = events.recent(p.namespace(),
                e -> e.objectKind().equals("Pod") && e.objectName().equals(p.name()), POD_EVENTS);
        return new PodDetail(w, p.env(), podEvents, history == null ? List.of() : history.samples(),
                history == null ? 0 : history.capacityBytes());
    }

    // ---- WorkerRows.Context ----

    @Override
    public RevisionState revision(String namespace, String name) {
        return name == null ? null : revisions.get(namespace + "/" + name);
    }

    @Override
    public HeartbeatBook.Entry heartbeat(String ip) {
        return heartbeats.byIp(ip);
    }

    @Override
    public String heartbeatGap() {
        if (heartbeatsAbsent != null) {
            return heartbeatsAbsent;
        }
        return heartbeatsRead ? null : "waiting for the first heartbeat read";
    }

    @Override
    public VolumeHistory volume(String podKey) {
        return volumes.get(podKey);
    }

    @Override
    public String volumeGap(PodState p) {
        if (p.cacheVolume() == null) {
            return "no volume is mounted at the worker's cache path";
        }
        if (p.node() == null) {
            return "not scheduled on a node yet";
        }
        String gap = volumeGaps.get(p.key());
        if (gap != null) {
            return gap;
        }
        if (!volumesRead) {
            return "waiting for the kubelet's volume stats";
        }
        return volumes.containsKey(p.key()) ? null : "waiting for the next kubelet stats round";
    }

    // ---- helpers ----

    private void putPod(PodState p, Instant now) {
        PodState before = pods.put(p.key(), p);
        if (before != null) {
            unindex(before);
            if (before.node() != null && !before.node().equals(p.node())) {
                volumeGaps.remove(p.key());
            }
        }
        index(p);
        restarts.observe(p.key(), p.restarts(), now);
        dirtyPods.add(p.key());
        dirtyNamespaces.add(p.namespace());
        if (before == null || !java.util.Objects.equals(before.ip(), p.ip())) {
            unmatchedDirty = true;
        }
    }

    private void removePod(String key) {
        PodState p = pods.remove(key);
        if (p == null) {
            return;
        }
        unindex(p);
        rows.remove(key);
        changedRows.remove(key);
        removedRows.add(key);
        rowsChanged = true;
        restarts.forget(key);
        volumes.remove(key);
        volumeGaps.remove(key);
        dirtyNamespaces.add(p.namespace());
        unmatchedDirty = true;
    }

    private void dropNamespace(String ns) {
        for (String key : List.copyOf(podsByNamespace.getOrDefault(ns, Set.of()))) {
            removePod(key);
        }
        workloads.remove(ns);
        revisions.values().removeIf(r -> r.namespace().equals(ns));
        namespacesSeen.remove(ns);
        forbidden.remove(ns);
        events.forget(ns);
        dirtyNamespaces.add(ns);
    }

    private void index(PodState p) {
        add(podsByNamespace, p.namespace(), p.key());
        add(podsByRevision, p.revisionName() == null ? null : p.namespace() + "/" + p.revisionName(), p.key());
        add(podsByIp, p.ip(), p.key());
        add(podsByNode, p.node(), p.key());
    }

    private void unindex(PodState p) {
        remove(podsByNamespace, p.namespace(), p.key());
        remove(podsByRevision, p.revisionName() == null ? null : p.namespace() + "/" + p.revisionName(), p.key());
        remove(podsByIp, p.ip(), p.key());
        remove(podsByNode, p.node(), p.key());
    }

    private static void add(Map<String, Set<String>> index, String by, String key) {
        if (by != null) {
            index.computeIfAbsent(by, k -> new HashSet<>()).add(key);
        }
    }

    private static void remove(Map<String, Set<String>> index, String by, String key) {
        if (by == null) {
            return;
        }
        Set<String> keys = index.get(by);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                index.remove(by);
            }
        }
    }

    private Set<String> allNamespaces() {
        Set<String> all = new HashSet<>(podsByNamespace.keySet());
        all.addAll(namespacesSeen);
        all.addAll(forbidden.keySet());
        all.addAll(workloads.keySet());
        return all;
    }

    private NamespaceSummary summarize(String ns) {
        Set<String> keys = podsByNamespace.getOrDefault(ns, Set.of());
        Map<String, WorkloadState> inNs = workloads.getOrDefault(ns, Map.of());
        boolean forbiddenHere = forbidden.containsKey(ns);
        if (keys.isEmpty() && inNs.isEmpty() && !namespacesSeen.contains(ns) && !forbiddenHere) {
            return null;
        }
        Set<String> groups = new TreeSet<>();
        Set<String> modes = new TreeSet<>();
        VolumeReading worst = null;
        String worstPod = null;
        for (String key : keys) {
            Worker w = rows.get(key);
            if (w == null) {
                continue;
            }
            if (w.group() != null) {
                groups.add(w.group());
            }
            if (w.executionMode() != null) {
                modes.add(w.executionMode().display());
            }
            VolumeReading v = w.volume();
            if (v != null && v.percent() != null && (worst == null || v.percent() > worst.percent())) {
                worst = v;
                worstPod = w.pod();
            }
        }
        List<WorkloadReadiness> readiness = inNs.values().stream()
                .map(w -> new WorkloadReadiness(w.kind(), w.name(), w.ready() == null ? 0 : w.ready(),
                        w.desired() == null ? 0 : w.desired()))
                .sorted(Comparator.comparing(WorkloadReadiness::name).thenComparing(WorkloadReadiness::kind))
                .toList();
        Long failed = failedRunsGap == null ? failedRuns.get(ns) : null;
        String failedGap = failedRunsGap != null ? failedRunsGap
                : failed == null ? "the platform attributes no runs to this namespace" : null;
        List<KubeEvent> recent = events.recent(ns, e -> aboutWorkers(ns, e), RECENT_EVENTS);
        return new NamespaceSummary(ns, forbiddenHere ? NamespaceSummary.Access.FORBIDDEN
                : NamespaceSummary.Access.LIVE, forbidden.get(ns), groups, readiness, worst, worstPod, modes,
                failed, failedGap, recent, keys.size());
    }

    private boolean aboutWorkers(String ns, KubeEvent e) {
        return switch (e.objectKind()) {
            case "Pod" -> pods.containsKey(Worker.key(ns, e.objectName()));
            case "Deployment", "StatefulSet" -> workloads.getOrDefault(ns, Map.of())
                    .containsKey(WorkloadState.key(e.objectKind(), ns, e.objectName()));
            case "ReplicaSet" -> revisions.containsKey(ns + "/" + e.objectName());
            default -> false;
        };
    }

    private List<String> unmatchedNotices() {
        List<Heartbeat> unmatched = heartbeats.unmatched(podsByIp.keySet());
        List<String> out = new ArrayList<>();
        for (Heartbeat h : unmatched) {
            if (out.size() == MAX_NOTICES) {
                out.add("... and " + (unmatched.size() - MAX_NOTICES) + " more heartbeats of unknown workers");
                break;
            }
            out.add("heartbeat of unknown worker " + h.workerId() + (h.ip() == null || h.ip().isBlank()
                    ? " (it reports no IP)" : " (IP " + h.ip() + " is no worker pod's)"));
        }
        return out;
    }
}
