package dev.pitwall.ops.replay;

/**
 * The current state of one execution, as the target reports it.
 *
 * @param failedStep for FAILED: the step it failed at (may be null); message: its error message
 * @param raw        the target's own word for the state (shown for OTHER)
 * @param finishedAt when it last finished, to tell an untouched failure from one that ran again and failed
 */
public record ItemStatus(Kind kind, String raw, String failedStep, String message, java.time.Instant finishedAt) {

    public enum Kind { QUEUED, RUNNING, SUCCEEDED, FAILED, MISSING, OTHER }

    public static ItemStatus of(Kind kind) {
        return new ItemStatus(kind, kind.name(), null, null, null);
    }

    /** Still the failure the plan was made from: it has not run again since (so sending it cannot run it twice). */
    public boolean isUntouchedFailureOf(ReplayItem item) {
        return kind == Kind.FAILED && java.util.Objects.equals(finishedAt, item.finishedAt());
    }

    /** A retry has been taken up: sending it again would run the execution twice. */
    public boolean isTakenUp() {
        return kind == Kind.QUEUED || kind == Kind.RUNNING || kind == Kind.SUCCEEDED;
    }

    public boolean isFinal() {
        return kind == Kind.SUCCEEDED || kind == Kind.FAILED || kind == Kind.MISSING;
    }
}
