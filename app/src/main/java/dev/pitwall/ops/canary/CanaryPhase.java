package dev.pitwall.ops.canary;

/** Where a canary is. PROMOTED and ABORTED are final. */
public enum CanaryPhase {
    RUNNING, PAUSED, PROMOTING, PROMOTED, ABORTED;

    public boolean isFinal() {
        return this == PROMOTED || this == ABORTED;
    }
}
