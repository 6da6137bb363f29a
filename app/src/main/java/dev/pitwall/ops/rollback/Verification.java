package dev.pitwall.ops.rollback;

import java.util.List;

/**
 * Whether a rollback reached its target: each failed check names the pods it failed on. A failure reads
 * "CHECK: detail", CHECK being one of {@link #CHECKS}, so that a screen can show each check with its own state.
 */
public record Verification(List<String> failures, RolloutStatus rollout) {

    /** The checks a verification makes, in the order they are shown. */
    public static final List<String> CHECKS = List.of("rollout", "image", "crash-loops", "not ready", "heartbeats");

    public Verification {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** The failures of one of {@link #CHECKS}, without the check's name (empty when it passed). */
    public List<String> failuresOf(String check) {
        String prefix = check + ": ";
        return failures.stream().filter(f -> f.startsWith(prefix)).map(f -> f.substring(prefix.length())).toList();
    }
}
