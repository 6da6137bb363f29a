package dev.pitwall.ops.fleet;

import dev.pitwall.model.KubeEvent;
import dev.pitwall.model.Worker;

import java.util.List;

/** What the detail pane shows for one pod: its row, its env (secrets masked), its Events and its volume history. */
public record PodDetail(Worker worker, List<EnvVar> env, List<KubeEvent> events, List<VolumeSample> volumeHistory,
                        long volumeCapacityBytes) {

    public PodDetail {
        env = List.copyOf(env);
        events = List.copyOf(events);
        volumeHistory = List.copyOf(volumeHistory);
    }
}
