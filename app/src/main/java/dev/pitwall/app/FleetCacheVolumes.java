package dev.pitwall.app;

import dev.pitwall.model.Worker;
import dev.pitwall.ops.fleet.FleetSnapshot;
import dev.pitwall.ops.rollback.CacheVolumes;
import dev.pitwall.ops.rollback.ClusterException;
import dev.pitwall.ops.rollback.WorkloadRef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The cache volumes of a workload's pods from the fleet's latest snapshot: no extra reads of the kubelets. */
final class FleetCacheVolumes implements CacheVolumes {

    private final Supplier<FleetSnapshot> fleet;

    /** @param fleet the latest fleet snapshot, or null while the fleet is still connecting */
    FleetCacheVolumes(Supplier<FleetSnapshot> fleet) {
        this.fleet = fleet;
    }

    @Override
    public List<CacheVolume> of(WorkloadRef workload) {
        FleetSnapshot snapshot = fleet.get();
        if (snapshot == null) {
            throw new ClusterException("the fleet is still connecting", null);
        }
        List<CacheVolume> out = new ArrayList<>();
        for (Worker w : snapshot.workers()) {
            if (!w.namespace().equals(workload.namespace()) || !workload.name().equals(w.workload())) {
                continue;
            }
            if (w.volume() != null) {
                out.add(new CacheVolume(w.pod(), w.volume().usedBytes(), w.volume().capacityBytes(),
                        w.volume().fullInSeconds()));
            }
        }
        return out;
    }
}
