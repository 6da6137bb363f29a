package dev.pitwall.ops.fleet;

import dev.pitwall.model.Heartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The latest heartbeats, by worker IP (heartbeats join pods by IP). A heartbeat's time is its {@code updatedAt}; when
 * the writer records none, it is the moment Pitwall saw the heartbeat change, so an entry that never changes while
 * watched has no known age rather than a made-up one.
 */
final class HeartbeatBook {

    /** A heartbeat and when it was last written (null when unknown). */
    record Entry(Heartbeat heartbeat, Instant at) {
    }

    private final Map<String, Heartbeat> byWorker = new HashMap<>();
    private final Map<String, Instant> changedAt = new HashMap<>();
    private Map<String, Entry> byIp = Map.of();
    private List<Heartbeat> withoutIp = List.of();

    /** Takes a complete read; returns the IPs whose entry changed (appeared, changed or went). */
    Set<String> update(List<Heartbeat> heartbeats, Instant now) {
        Map<String, Heartbeat> next = new HashMap<>();
        for (Heartbeat h : heartbeats) {
            next.put(h.workerId(), h);
            Heartbeat before = byWorker.get(h.workerId());
            if (before != null && !before.equals(h)) {
                changedAt.put(h.workerId(), now);
            }
        }
        changedAt.keySet().retainAll(next.keySet());
        byWorker.clear();
        byWorker.putAll(next);

        Map<String, Entry> ips = new HashMap<>();
        List<Heartbeat> noIp = new ArrayList<>();
        for (Heartbeat h : next.values()) {
            if (h.ip() == null || h.ip().isBlank()) {
                noIp.add(h);
                continue;
            }
            Entry e = new Entry(h, h.updatedAt() != null ? h.updatedAt() : changedAt.get(h.workerId()));
            ips.merge(h.ip(), e, HeartbeatBook::newer);
        }
        Set<String> changed = new HashSet<>();
        for (var e : ips.entrySet()) {
            if (!Objects.equals(byIp.get(e.getKey()), e.getValue())) {
                changed.add(e.getKey());
            }
        }
        for (String ip : byIp.keySet()) {
            if (!ips.containsKey(ip)) {
                changed.add(ip);
            }
        }
        byIp = ips;
        withoutIp = List.copyOf(noIp);
        return changed;
    }

    Entry byIp(String ip) {
        return ip == null ? null : byIp.get(ip);
    }

    /** Heartbeats whose IP is no worker pod's, and those with no IP at all: "unknown workers". */
    List<Heartbeat> unmatched(Set<String> podIps) {
        List<Heartbeat> out = new ArrayList<>(withoutIp);
        for (var e : byIp.entrySet()) {
            if (!podIps.contains(e.getKey())) {
                out.add(e.getValue().heartbeat());
            }
        }
        out.sort(java.util.Comparator.comparing(Heartbeat::workerId));
        return out;
    }

    /** Two workers on one IP (a restarted worker's old entry lingers): the newer one counts. */
    private static Entry newer(Entry a, Entry b) {
        if (a.at() == null) {
            return b;
        }
        if (b.at() == null) {
            return a;
        }
        return b.at().isAfter(a.at()) ? b : a;
    }
}
