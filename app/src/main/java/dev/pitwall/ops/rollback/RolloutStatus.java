package dev.pitwall.ops.rollback;

import java.util.List;

/** A workload's rollout figures and its pods, read at one moment. */
public record RolloutStatus(int desired, int updated, int ready, int available, long generation,
                            long observedGeneration, List<PodState> pods) {

    public RolloutStatus {
        pods = List.copyOf(pods);
    }
}
