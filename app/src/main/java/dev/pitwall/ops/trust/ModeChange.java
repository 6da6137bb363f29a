package dev.pitwall.ops.trust;

import dev.pitwall.model.ExecutionMode;

import java.time.Instant;

/**
 * The revision that gave a workload the execution mode it runs now, away from the mode its history settled in: what
 * {@link DriftKind#CHANGED_BY_REVISION} names.
 *
 * @param time         when the revision was created, or null when unknown
 * @param changeCause  its kubernetes.io/change-cause annotation, or null
 * @param previousMode the mode of the revision before it
 * @param mode         the mode it set (the one declared now)
 */
public record ModeChange(long revision, Instant time, String changeCause, ExecutionMode previousMode,
                         ExecutionMode mode) {

    /** Code steps could import npm packages before this revision and cannot since: the outage's failure. */
    public boolean stripsNpm() {
        return previousMode.allowsNpm() && !mode.allowsNpm();
    }

    /**
     * "revision 5 ("namespace migration", 2026-11-28T03:00:00Z) changed SANDBOX_PROCESS to SANDBOX_CODE_ONLY: npm
     * STRIPPED from code steps".
     */
    public String text() {
        String about = changeCause == null && time == null ? ""
                : " (" + (changeCause == null ? "" : "\"" + changeCause + "\"")
                + (changeCause != null && time != null ? ", " : "") + (time == null ? "" : time.toString()) + ")";
        return "revision " + revision + about + " changed " + previousMode + " to " + mode
                + (stripsNpm() ? ": npm STRIPPED from code steps" : "");
    }
}
