package dev.pitwall.ops.rollback;

/** One pod of a workload as verification sees it. */
public record PodState(String name, String image, boolean ready, String waitingReason, int restarts) {

    public boolean crashLooping() {
        return "CrashLoopBackOff".equals(waitingReason);
    }
}
