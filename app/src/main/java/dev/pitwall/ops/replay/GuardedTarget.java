package dev.pitwall.ops.replay;

import dev.pitwall.ops.guard.Guarded;
import dev.pitwall.ops.guard.Permit;
import dev.pitwall.ops.runs.RetryOutcome;
import dev.pitwall.ops.runs.RetryStrategy;

import java.util.List;
import java.util.Map;

/** A replay's target as its engine uses it: status reads, and sends under the replay's write permit. */
public final class GuardedTarget {

    private final ReplayTarget target;
    private final Guarded<ReplayBatch, List<RetryOutcome>> sends;
    private final Permit permit;

    public GuardedTarget(ReplayTarget target, Permit permit) {
        this.target = target;
        this.sends = Guarded.of(target);
        this.permit = permit;
    }

    /** Sends one batch of one partition (a PlatformException when it failed as a whole). */
    List<RetryOutcome> send(String partition, RetryStrategy strategy, List<String> ids) {
        return sends.write(permit, new ReplayBatch(partition, strategy, ids));
    }

    Map<String, ItemStatus> status(String partition, List<String> ids) {
        return target.status(partition, ids);
    }
}
