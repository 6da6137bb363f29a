package dev.pitwall.ops.guard;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A write as the guard sees it before it happens: what it is (for the audit), which back-end it goes to, where the
 * plan, journal or record it carries out belongs, which workload it changes and the UID that workload had, the lock
 * it needs, and how it is confirmed. Immutable; built by the engine that makes the write.
 */
public final class WriteIntent {

    /** How a write is confirmed. */
    enum Confirm {
        /** Typed on a production connection only. */
        ON_PRODUCTION,
        /** Always typed: on production the connection's token, elsewhere {@link #everyday}. */
        ALWAYS,
        /** Never: a step of an operation confirmed when it started (a canary's gate-driven abort). */
        AUTOMATIC
    }

    /**
     * Where what the write carries out belongs.
     *
     * @param stored    the identity recorded with it; null when it was read live on this connection (nothing to
     *                  compare) or, when {@code what} is set, when it comes from an older Pitwall that recorded none
     * @param what      "plan", "replay journal", "canary record"; null for live reads
     * @param recapture what to do instead, for refusals ("capture a new plan with ...")
     */
    record Belonging(TargetIdentity stored, String what, String recapture) {
    }

    /**
     * The workload the write changes, and the UID it had when the plan was made (or it was read).
     *
     * @param current reads its UID now (empty when it no longer exists)
     */
    record Workload(String name, String expectedUid, Supplier<Optional<String>> current) {
    }

    private final String action;
    private final String subject;
    private final BackendKind backend;
    private final Belonging belonging;
    private final Workload workload;
    private final String localLock;
    private final Lock lock;
    private final Confirm confirm;
    private final String confirmScope;
    private final String everyday;
    private final Map<String, String> details;

    private WriteIntent(String action, String subject, BackendKind backend, Belonging belonging, Workload workload,
                        String localLock, Lock lock, Confirm confirm, String confirmScope, String everyday,
                        Map<String, String> details) {
        this.action = action;
        this.subject = subject;
        this.backend = backend;
        this.belonging = belonging;
        this.workload = workload;
        this.localLock = localLock;
        this.lock = lock;
        this.confirm = confirm;
        this.confirmScope = confirmScope;
        this.everyday = everyday;
        this.details = Map.copyOf(details);
    }

    /**
     * A write of what was just read on this connection, with no lock, confirmed on production by typing
     * {@code <short name>/<subject>}.
     *
     * @param action  the audit action ("rollback.run"); the guard records "{@code action}.about-to", ".done", ...
     * @param subject what it changes, in words (the audit's target)
     */
    public static WriteIntent of(String action, String subject, BackendKind backend) {
        return new WriteIntent(Objects.requireNonNull(action), Objects.requireNonNull(subject),
                Objects.requireNonNull(backend), new Belonging(null, null, null), null, null, Lock.NONE,
                Confirm.ON_PRODUCTION, subject, null, Map.of());
    }

    /**
     * Carries out something recorded for {@code stored} (null: recorded by an older Pitwall, which is refused).
     *
     * @param what      "plan", "replay journal", "canary record"
     * @param recapture how to get one that belongs here ("capture a new plan with `pitwall rollback plan ...`")
     */
    public WriteIntent belongingTo(TargetIdentity stored, String what, String recapture) {
        return new WriteIntent(action, subject, backend, new Belonging(stored, Objects.requireNonNull(what),
                recapture), workload, localLock, lock, confirm, confirmScope, everyday, details);
    }

    /** What to do when a live read went stale (the workload was recreated since): "review the change again". */
    public WriteIntent liveRead(String recapture) {
        return new WriteIntent(action, subject, backend, new Belonging(null, null, recapture), workload, localLock,
                lock, confirm, confirmScope, everyday, details);
    }

    /**
     * The write changes {@code name} ("deployment ns/x"), which must still have {@code expectedUid}: a workload
     * deleted and recreated under the same name is another target.
     */
    public WriteIntent workload(String name, String expectedUid, Supplier<Optional<String>> currentUid) {
        return new WriteIntent(action, subject, backend, belonging, new Workload(name, expectedUid, currentUid),
                localLock, lock, confirm, confirmScope, everyday, details);
    }

    /** Takes the local lock {@code key} (filed under the connection's identity) for the write. */
    public WriteIntent lockedLocally(String key) {
        return new WriteIntent(action, subject, backend, belonging, workload, key, lock, confirm, confirmScope,
                everyday, details);
    }

    /** Takes the local lock of one workload ("deployment", ns, name): its rollbacks and trust fixes take turns. */
    public WriteIntent lockingWorkload(String kind, String namespace, String name) {
        return lockedLocally("workload/" + kind.toLowerCase(java.util.Locale.ROOT) + "/" + namespace + "/" + name);
    }

    /** Takes {@code lock} (a lease on the object) for the write. */
    public WriteIntent lockedBy(Lock lock) {
        return new WriteIntent(action, subject, backend, belonging, workload, localLock, lock, confirm,
                confirmScope, everyday, details);
    }

    /** On production, typing {@code <short name>/<scope>} confirms ("ap-acme/worker-acme" after the context). */
    public WriteIntent confirmedAs(String scope) {
        return new WriteIntent(action, subject, backend, belonging, workload, localLock, lock, Confirm.ON_PRODUCTION,
                scope, null, details);
    }

    /** Always typed: on production {@code <short name>/<scope>}, elsewhere {@code everyday}. */
    public WriteIntent confirmedAlways(String scope, String everydayText) {
        return new WriteIntent(action, subject, backend, belonging, workload, localLock, lock, Confirm.ALWAYS, scope,
                everydayText, details);
    }

    /** No confirmation: a step of an operation that was confirmed when it started. */
    public WriteIntent automatic(String why) {
        return new WriteIntent(action, subject, backend, belonging, workload, localLock, lock, Confirm.AUTOMATIC,
                confirmScope, why, details);
    }

    /** A detail for the "about to" audit entry. */
    public WriteIntent detail(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, String.valueOf(value));
        return new WriteIntent(action, subject, backend, belonging, workload, localLock, lock, confirm, confirmScope,
                everyday, more);
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public BackendKind backend() {
        return backend;
    }

    Belonging belonging() {
        return belonging;
    }

    Optional<Workload> workload() {
        return Optional.ofNullable(workload);
    }

    Optional<String> localLock() {
        return Optional.ofNullable(localLock);
    }

    Lock lock() {
        return lock;
    }

    Confirm confirm() {
        return confirm;
    }

    String confirmScope() {
        return confirmScope;
    }

    /** ALWAYS: the text typed off production; AUTOMATIC: why none is needed. */
    String everyday() {
        return everyday;
    }

    Map<String, String> details() {
        return details;
    }
}
