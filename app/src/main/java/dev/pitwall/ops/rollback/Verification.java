package dev.pitwall.ops.rollback;

import java.util.List;

/** Whether a rollback reached its target: each failed check names the pods it failed on. */
public record Verification(List<String> failures, RolloutStatus rollout) {

    public Verification {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
