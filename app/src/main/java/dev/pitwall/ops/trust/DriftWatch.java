package dev.pitwall.ops.trust;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive reports into alerts: raises a group when it starts drifting or drifts differently, clears it when
 * it matches again. A group that keeps drifting the same way is raised once, not on every refresh.
 */
public final class DriftWatch {

    private final DriftSink sink;
    private final Map<String, Set<DriftKind>> raised = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();

    public DriftWatch(DriftSink sink) {
        this.sink = sink;
    }

    public synchronized void update(TrustReport report) {
        Map<String, Set<DriftKind>> now = new HashMap<>();
        for (GroupTrust group : report.groups()) {
            if (!group.drifting()) {
                continue;
            }
            now.put(group.key(), group.drift());
            if (!group.drift().equals(raised.get(group.key()))) {
                sink.raise(group);
            }
            titles.put(group.key(), group.title());
        }
        for (String key : raised.keySet()) {
            if (!now.containsKey(key)) {
                sink.clear(key, titles.remove(key) + " matches again");
            }
        }
        raised.clear();
        raised.putAll(now);
    }
}
