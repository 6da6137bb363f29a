package dev.pitwall.ops.guard;

/**
 * A port through which one kind of change reaches a back-end (a batch of retries, a pod template, a canary's
 * replicas). Adapters implement it; only the guard package calls it ({@code ArchitectureTest} fails on any other
 * caller). Engines hold the {@link Guarded} form of a port, which writes only under an open {@link Permit}, and a
 * permit only comes from {@link WriteGuard}: so every write has passed the guard.
 *
 * @param <C> the change, as a value (what it writes is visible to the guard and to the audit)
 * @param <R> what the back-end answers
 */
public interface WritePort<C, R> {

    R write(C change);
}
