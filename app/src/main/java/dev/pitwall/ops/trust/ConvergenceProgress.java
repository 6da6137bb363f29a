package dev.pitwall.ops.trust;

import java.util.List;

/**
 * How far a changed workload's pods are from reporting the new mode.
 *
 * @param reporting how many pods' heartbeats report the target mode
 * @param pods      how many pods the workload has (terminating ones aside)
 * @param waitingOn the pods not there yet, with what they report
 * @param text      the whole state in one line
 */
public record ConvergenceProgress(boolean converged, int reporting, int pods, int replicas, List<String> waitingOn,
                                  String text) {

    public ConvergenceProgress {
        waitingOn = List.copyOf(waitingOn);
    }
}
