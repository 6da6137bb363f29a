package dev.pitwall.ops.guard;

import dev.pitwall.model.TargetIdentity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guard's leave for one operation to write: issued by {@link WriteGuard} once the operation passed every check
 * and holds its lock, valid until the operation ends. {@link Guarded} ports write only with an open permit. The
 * audit's "about to" entry is recorded before the first write (an evaluation that only renewed its lease leaves
 * none), its "done" or "failed" entry when the operation ends.
 */
public final class Permit {

    private final WriteGuard guard;
    private final WriteIntent intent;
    private final TargetIdentity target;
    private final Confirmation confirmation;
    private final Lock.Held held;
    private final Map<String, String> outcome = new LinkedHashMap<>();
    private boolean announced;
    private boolean open = true;

    Permit(WriteGuard guard, WriteIntent intent, TargetIdentity target, Confirmation confirmation, Lock.Held held) {
        this.guard = guard;
        this.intent = intent;
        this.target = target;
        this.confirmation = confirmation;
        this.held = held;
    }

    /** Where the writes go: the connection's identity for the intent's back-end. */
    public TargetIdentity target() {
        return target;
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    /** A detail for the "done" audit entry (what was written, what it became). */
    public synchronized void note(String key, String value) {
        outcome.put(key, String.valueOf(value));
    }

    synchronized void beforeWrite() {
        if (!open) {
            throw new IllegalStateException("a write to " + intent.subject() + " after its guarded operation ended");
        }
        if (!announced) {
            guard.announce(intent, target, confirmation);
            announced = true;
        }
    }

    /** Ends the operation: records its outcome when it wrote anything, and lets the lock go. */
    synchronized void close(Throwable failure) {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (announced) {
                guard.conclude(intent, outcome, failure);
            }
        } finally {
            held.close();
        }
    }
}
