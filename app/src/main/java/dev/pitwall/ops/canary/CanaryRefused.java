package dev.pitwall.ops.canary;

import java.util.List;

/** A canary that preflight refused: nothing was created or changed. */
public final class CanaryRefused extends Exception {

    private final Preflight preflight;

    public CanaryRefused(Preflight preflight) {
        super("canary refused, nothing changed: " + String.join("; ", preflight.problems()));
        this.preflight = preflight;
    }

    public Preflight preflight() {
        return preflight;
    }

    public List<String> reasons() {
        return preflight.problems();
    }
}
