package dev.pitwall.ops.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * The back-ends the fleet reads. The cluster watch and kubelet stats are required; heartbeats, failed-run counts and
 * the app version are optional (null when the profile has no Redis or platform).
 */
public record FleetSources(ClusterWatch cluster, VolumeStatsSource volumes, HeartbeatSource heartbeats,
                           FailedRunCounter failedRuns, AppVersionSource appVersion) implements AutoCloseable {

    public FleetSources {
        java.util.Objects.requireNonNull(cluster, "cluster");
        java.util.Objects.requireNonNull(volumes, "volumes");
    }

    @Override
    public void close() {
        List<AutoCloseable> open = new ArrayList<>();
        open.add(cluster);
        if (heartbeats != null) {
            open.add(heartbeats);
        }
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: the process may be on its way out
            }
        }
    }
}
