package dev.pitwall.ops.trust;

import java.time.Duration;

/** How following a change ended: every pod reports the new mode, or not within the time bound (and why not). */
public record Convergence(boolean converged, Duration took, ConvergenceProgress last, String message) {
}
