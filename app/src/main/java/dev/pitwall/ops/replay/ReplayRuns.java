package dev.pitwall.ops.replay;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.guard.Confirmer;
import dev.pitwall.ops.guard.WriteGuard;
import dev.pitwall.ops.guard.WriteIntent;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays through the write guard: a replay runs, or resumes, only on a connection that may write, to the platform
 * or Redis its plan was made from (the journal carries the plan), under the replay's lock, confirmed on production
 * by typing {@code <platform host>/replay/<runs>}; the audit records it before its first batch and when it ends.
 */
public final class ReplayRuns {

    private final WriteGuard guard;
    private final Function<ReplaySource, ReplayTarget> targets;

    /** @param targets where a plan of each source is replayed (opened once the guard let the replay start) */
    public ReplayRuns(WriteGuard guard, Function<ReplaySource, ReplayTarget> targets) {
        this.guard = guard;
        this.targets = targets;
    }

    /** The platform or Redis this connection replays plans of {@code source} to, for a new plan to carry. */
    public TargetIdentity identity(ReplaySource source) {
        return guard.identity(backend(source));
    }

    /**
     * The guard's first checks for replaying {@code plan}, before anything is opened or written for it: not
     * read-only, and the plan belongs to this connection's platform or Redis.
     *
     * @param fromJournal whether the plan was read from a replay's journal (to resume it), for the refusal
     */
    public void admit(ReplayPlan plan, boolean fromJournal) {
        guard.admit(backend(plan.source()));
        guard.checkTarget(intent(plan, fromJournal ? "replay journal" : "plan"));
    }

    /** "read-only connection (...)" when no replay may be started or resumed here. */
    public Optional<String> readOnly() {
        return guard.readOnly();
    }

    /** What production asks to be typed before {@code plan} is replayed. */
    public Optional<String> confirmationFor(ReplayPlan plan) {
        return guard.confirmationFor(intent(plan, "plan"));
    }

    /** Starts {@code plan} with an empty journal and runs it to its end (or until stopped). */
    public JournalState start(ReplayPlan plan, ReplaySettings settings, ReplayJournal journal, QueueDepthGauge gauge,
                              Pacer pacer, ReplayControl control, Consumer<ReplayProgress> listener,
                              Confirmer confirmer) throws InterruptedException {
        return guard.perform(intent(plan, "plan"), confirmer, permit -> ReplayEngine.start(plan, settings, journal,
                new GuardedTarget(targets.apply(plan.source()), permit), gauge, pacer, control, listener).run());
    }

    /** Continues the replay its journal describes, wherever it stopped. */
    public JournalState resume(ReplayJournal journal, QueueDepthGauge gauge, Pacer pacer, ReplayControl control,
                               Consumer<ReplayProgress> listener, Confirmer confirmer) throws InterruptedException {
        ReplayPlan plan = JournalState.of(journal.readAll()).plan();
        return guard.perform(intent(plan, "replay journal"), confirmer, permit -> ReplayEngine.resume(journal,
                new GuardedTarget(targets.apply(plan.source()), permit), gauge, pacer, control, listener).run());
    }

    private static WriteIntent intent(ReplayPlan plan, String what) {
        String again = plan.source() == ReplaySource.PLATFORM ? "`pitwall replay plan [FILTERS] --out PLAN.json`"
                : "`pitwall replay plan --queue NAME --out PLAN.json`";
        return WriteIntent.of("replay.run", "replay " + plan.id(), backend(plan.source()))
                .belongingTo(plan.target(), what, "make a new plan with " + again + " on this connection")
                .lockedLocally("replay/" + plan.id())
                .confirmedAs("replay/" + plan.items().size())
                .detail("runs", String.valueOf(plan.items().size())).detail("source", plan.source().name());
    }

    private static BackendKind backend(ReplaySource source) {
        return source == ReplaySource.PLATFORM ? BackendKind.PLATFORM : BackendKind.REDIS;
    }
}
