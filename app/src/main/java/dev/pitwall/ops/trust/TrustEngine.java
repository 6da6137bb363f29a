package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts expected, declared and effective side by side for every worker workload and finds the drift. The expected
 * mode is the policy's; for a group the policy says nothing of, the one its own revision history settled in
 * ({@link ModeHistory}), so that a change by revision is seen without any preparation. Effective modes
 * come from heartbeats joined to pods by IP (the newest heartbeat of an IP wins; one older than
 * {@link #OFFLINE_AFTER} no longer counts). Only modes actually reported count as drift: a pod without a heartbeat is
 * shown as unknown, but is not taken to run another mode.
 */
public final class TrustEngine {

    /** The platform counts a worker offline after this long without a heartbeat (reference: Workers and queues). */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(60);

    private final WorkloadSource workloads;
    private final HeartbeatSource heartbeats;
    private final String heartbeatsMissing;
    private final Clock clock;

    /**
     * @param heartbeats        null when the profile has no Redis
     * @param heartbeatsMissing why there are no heartbeats (shown for every pod), when {@code heartbeats} is null
     */
    public TrustEngine(WorkloadSource workloads, HeartbeatSource heartbeats, String heartbeatsMissing, Clock clock) {
        this.workloads = workloads;
        this.heartbeats = heartbeats;
        this.heartbeatsMissing = heartbeatsMissing;
        this.clock = clock;
    }

    /** Reads the cluster and the heartbeats and compares them with {@code policy}. */
    public TrustReport evaluate(TrustPolicy policy) {
        List<TrustWorkload> all = workloads.workloads();
        return assess(policy, all, readHeartbeats(), clock.instant());
    }

    /** One workload, read afresh (for following a change); empty when it no longer exists. */
    public Optional<GroupTrust> evaluate(WorkloadRef ref, TrustPolicy policy) {
        Optional<TrustWorkload> workload = workloads.workload(ref);
        if (workload.isEmpty()) {
            return Optional.empty();
        }
        Beats beats = Beats.index(readHeartbeats(), clock.instant(), heartbeatsMissing);
        return Optional.of(group(workload.get(), policy, beats));
    }

    public WorkloadSource workloads() {
        return workloads;
    }

    private List<Heartbeat> readHeartbeats() {
        return heartbeats == null ? null : heartbeats.heartbeats();
    }

    /** The comparison itself, on what was read; {@code beats} null when there are no heartbeats to read. */
    TrustReport assess(TrustPolicy policy, List<TrustWorkload> all, List<Heartbeat> beats, Instant now) {
        Beats index = Beats.index(beats, now, heartbeatsMissing);
        List<GroupTrust> rows = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        for (TrustWorkload w : all) {
            rows.add(group(w, policy, index));
            groups.add(w.group());
            namespaces.add(w.ref().namespace());
        }
        policy.groups().forEach((group, entry) -> {
            if (!groups.contains(group)) {
                rows.add(absent(group, null, new TrustPolicy.Expectation(entry, "group " + group)));
            }
        });
        policy.namespaces().forEach((namespace, entry) -> {
            if (!namespaces.contains(namespace)) {
                rows.add(absent(null, namespace, new TrustPolicy.Expectation(entry, "namespace " + namespace)));
            }
        });
        rows.sort(Comparator.comparing((GroupTrust g) -> g.group() == null ? "" : g.group())
                .thenComparing(g -> g.namespace() == null ? "" : g.namespace())
                .thenComparing(g -> g.workload() == null ? "" : g.workload().name()));
        List<String> notes = new ArrayList<>(index.notes());
        return new TrustReport(now, rows, notes);
    }

    private GroupTrust group(TrustWorkload w, TrustPolicy policy, Beats beats) {
        ModeReading declared = w.declared().reading();
        TrustPolicy.Expectation expected = policy.expectationFor(w.group(), w.ref().namespace()).orElse(null);
        // a policy wins; without one, the group is compared with its own history
        Optional<ModeHistory.Verdict> history = expected != null ? Optional.empty()
                : ModeHistory.read(w.revisions(), declared);
        if (history.isPresent()) {
            expected = TrustPolicy.Expectation.fromHistory(history.get().expected(), history.get().basis());
        }
        ModeChange change = history.map(ModeHistory.Verdict::change).orElse(null);
        List<PodTrust> pods = new ArrayList<>();
        for (WorkerPod pod : w.pods()) {
            if (!pod.terminating()) {
                pods.add(beats.podTrust(pod));
            }
        }
        Map<String, ModeReading> distinct = new LinkedHashMap<>();
        pods.forEach(p -> distinct.putIfAbsent(p.effective().text(), p.effective()));
        List<ModeReading> effective = new ArrayList<>(distinct.values());

        Set<DriftKind> drift = EnumSet.noneOf(DriftKind.class);
        if (change != null) {
            drift.add(DriftKind.CHANGED_BY_REVISION);
        } else if (expected != null && !expected.fromHistory() && declared.mode() != expected.mode()) {
            drift.add(DriftKind.EXPECTED_VS_DECLARED);
        }
        if (declared.isReported() && pods.stream().map(PodTrust::effective)
                .anyMatch(e -> e.isReported() && !e.matches(declared))) {
            drift.add(DriftKind.DECLARED_VS_EFFECTIVE);
        }
        if (distinctReported(effective) > 1) {
            drift.add(DriftKind.MIXED_EFFECTIVE);
        }
        return new GroupTrust(w.group(), w.ref().namespace(), w.ref(), expected, w.declared(), w.container(),
                w.replicas(), pods, effective, npmAllowed(effective, declared), drift,
                lastChange(w.revisions()), expected == null ? null : expected.entry().smoke(), change);
    }

    private static GroupTrust absent(String group, String namespace, TrustPolicy.Expectation expected) {
        return new GroupTrust(group, namespace, null, expected, null, null, 0, List.of(), List.of(), null,
                EnumSet.of(DriftKind.NOT_IN_CLUSTER), null,
                expected.entry().smoke(), null);
    }

    private static int distinctReported(List<ModeReading> readings) {
        List<ModeReading> seen = new ArrayList<>();
        for (ModeReading r : readings) {
            if (r.isReported() && seen.stream().noneMatch(r::matches)) {
                seen.add(r);
            }
        }
        return seen.size();
    }

    /**
     * What the pods actually allow when any reports a known mode (one stripping pod is enough for some runs to fail),
     * else what the workload declares; null when neither is known.
     */
    static Boolean npmAllowed(List<ModeReading> effective, ModeReading declared) {
        List<ExecutionMode> known = effective.stream().filter(ModeReading::isKnown).map(ModeReading::mode).toList();
        if (known.isEmpty()) {
            return declared.isKnown() ? declared.mode().allowsNpm() : null;
        }
        return known.stream().allMatch(ExecutionMode::allowsNpm);
    }

    /**
     * The revision where the declared value took its current value: walking back from the newest revision while the
     * value stays the same, the oldest one reached. Null without revision history.
     */
    static RevisionChange lastChange(List<WorkloadRevision> revisions) {
        if (revisions.isEmpty()) {
            return null;
        }
        List<WorkloadRevision> newestFirst = revisions.stream()
                .sorted(Comparator.comparingLong(WorkloadRevision::revision).reversed()).toList();
        WorkloadRevision change = newestFirst.get(0);
        for (WorkloadRevision r : newestFirst.subList(1, newestFirst.size())) {
            if (!r.declared().sameSetting(change.declared())) {
                break;
            }
            change = r;
        }
        return new RevisionChange(change.revision(), change.created(), change.changeCause(), change.image());
    }

    /** Heartbeats by IP, newest first, with what could not be used. */
    private record Beats(boolean read, Map<String, Heartbeat> byIp, Instant now, List<String> notes) {

        static Beats index(List<Heartbeat> beats, Instant now, String missing) {
            Map<String, Heartbeat> byIp = new HashMap<>();
            List<String> notes = new ArrayList<>();
            if (beats == null) {
                notes.add("effective modes not read: " + missing);
                return new Beats(false, byIp, now, notes);
            }
            int unreadable = 0;
            String firstProblem = null;
            for (Heartbeat b : beats) {
                if (b.ip() == null || b.ip().isBlank()) {
                    unreadable++;
                    firstProblem = firstProblem != null ? firstProblem
                            : b.workerId() + ": " + (b.problem() != null ? b.problem() : "no ip");
                    continue;
                }
                byIp.merge(b.ip(), b, Beats::newer);
            }
            if (unreadable > 0) {
                notes.add(unreadable + " heartbeat(s) cannot be joined to a pod (first: " + firstProblem + ")");
            }
            return new Beats(true, byIp, now, notes);
        }

        private static Heartbeat newer(Heartbeat a, Heartbeat b) {
            if (a.updatedAt() == null) {
                return b;
            }
            return b.updatedAt() != null && b.updatedAt().isAfter(a.updatedAt()) ? b : a;
        }

        PodTrust podTrust(WorkerPod pod) {
            if (!read) {
                return new PodTrust(pod.name(), pod.ip(), ModeReading.unread("heartbeats not read"), null);
            }
            if (pod.ip() == null || pod.ip().isBlank()) {
                return new PodTrust(pod.name(), null, ModeReading.unread("pod has no IP yet"), null);
            }
            Heartbeat beat = byIp.get(pod.ip());
            if (beat == null) {
                return new PodTrust(pod.name(), pod.ip(), ModeReading.unread("no heartbeat"), null);
            }
            if (beat.updatedAt() != null && beat.updatedAt().isBefore(now.minus(OFFLINE_AFTER))) {
                long seconds = Duration.between(beat.updatedAt(), now).toSeconds();
                return new PodTrust(pod.name(), pod.ip(),
                        ModeReading.unread("last heartbeat " + seconds + " s ago (offline)"), beat.workerId());
            }
            return new PodTrust(pod.name(), pod.ip(), beat.reading(), beat.workerId());
        }
    }
}
