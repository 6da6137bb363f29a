package dev.pitwall.ops.guard;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.ops.audit.AuditLog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one guard every write passes, in this order, before any byte reaches a back-end:
 * <ol>
 *     <li>refuse on a read-only connection;</li>
 *     <li>check the target: the plan, journal or record belongs to this cluster, platform or Redis (an older one that
 *     records none is refused with how to get a new one), and the workload it changes still has its UID;</li>
 *     <li>take the lock of what it changes (an OS file lock, or a lease on the object);</li>
 *     <li>ask for the confirmation the connection needs ({@code <context>/<namespace>/<workload>} typed on
 *     production, or {@code --yes} where nobody can type);</li>
 *     <li>audit "about to" before the first write, "done" or "failed" after the last.</li>
 * </ol>
 * Every refusal is a {@link WriteRefused} with one line saying why; refusals past the read-only check are audited.
 * Writes themselves need the {@link Permit} this guard issues ({@link Guarded}), and only this package may call a
 * {@link WritePort} (ArchitectureTest), so no write can go around it.
 */
public final class WriteGuard {

    private final Connection connection;
    private final LocalLocks locks;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    public WriteGuard(Connection connection, LocalLocks locks, AuditLog audit, String actor, Clock clock) {
        this.connection = connection;
        this.locks = locks;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** "read-only connection (profile X)" when nothing may be written, for screens to say why an action is off. */
    public Optional<String> readOnly() {
        return connection.readOnly().map(WriteGuard::readOnlyText);
    }

    /** Whether writes on this connection need the typed confirmation. */
    public boolean production() {
        return connection.production();
    }

    /** Where this connection's back-end of {@code kind} is (a WriteRefused when that cannot be told). */
    public TargetIdentity identity(BackendKind kind) {
        return connection.identity(kind);
    }

    /**
     * The first checks of a write, before anything is opened for it: not read-only, and the connection's back-end
     * can be told (its kube context still exists).
     */
    public void admit(BackendKind kind) {
        refuseIfReadOnly();
        connection.identity(kind);
    }

    /** The text that confirms {@code intent} on this connection, when one is asked for. */
    public Optional<String> confirmationFor(WriteIntent intent) {
        return switch (intent.confirm()) {
            case AUTOMATIC -> Optional.empty();
            case ON_PRODUCTION -> connection.production() ? Optional.of(token(intent)) : Optional.empty();
            case ALWAYS -> Optional.of(connection.production() ? token(intent) : intent.everyday());
        };
    }

    /**
     * The target check alone (where it belongs, the workload's UID), for reads that must not use what belongs
     * elsewhere: testing another cluster's plan passes nothing.
     *
     * @throws WriteRefused when it belongs elsewhere
     */
    public void checkTarget(WriteIntent intent) {
        checkBelonging(intent, connection.identity(intent.backend()));
        intent.workload().ifPresent(w -> checkWorkload(intent, w));
    }

    /** Runs {@code work} under a permit for {@code intent}; the audit records whether it was done or failed. */
    public <T, X extends Exception> T perform(WriteIntent intent, Confirmer confirmer, Work<T, X> work) throws X {
        Permit permit = open(intent, confirmer);
        T result;
        try {
            result = work.run(permit);
        } catch (Throwable t) {
            permit.close(t);
            throw t;
        }
        permit.close(null);
        return result;
    }

    /** The guarded part of an operation. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run(Permit permit) throws X;
    }

    /**
     * Every check, the lock and the confirmation: a permit to write, or a WriteRefused. Callers end it with
     * {@link #close(Permit, Throwable)}; {@link #perform} does both.
     */
    public Permit open(WriteIntent intent, Confirmer confirmer) {
        refuseIfReadOnly();
        try {
            TargetIdentity here = connection.identity(intent.backend());
            checkBelonging(intent, here);
            intent.workload().ifPresent(w -> checkWorkload(intent, w));
            Lock.Held held = lock(intent, here);
            try {
                Confirmation confirmation = confirm(intent, confirmer);
                return new Permit(this, intent, here, confirmation, held);
            } catch (RuntimeException e) {
                held.close();
                throw e;
            }
        } catch (WriteRefused e) {
            record(intent, "refused", Map.of("reason", e.reason()));
            throw e;
        }
    }

    /** Ends an operation opened with {@link #open}: its outcome, and the lock let go. */
    public void close(Permit permit, Throwable failure) {
        permit.close(failure);
    }

    private void refuseIfReadOnly() {
        Optional<String> why = connection.readOnly();
        if (why.isPresent()) {
            throw new WriteRefused(readOnlyText(why.get()));
        }
    }

    private static String readOnlyText(String why) {
        return "read-only connection (" + why + ")";
    }

    private static void checkBelonging(WriteIntent intent, TargetIdentity here) {
        WriteIntent.Belonging b = intent.belonging();
        if (b.what() == null) {
            return;
        }
        if (b.stored() == null) {
            throw new WriteRefused("this " + b.what() + " was made by an older Pitwall and does not say which "
                    + noun(intent.backend()) + " it belongs to: " + b.recapture());
        }
        if (!b.stored().sameTarget(here)) {
            throw new WriteRefused(b.what() + " belongs to " + b.stored().describe() + " but this connection is "
                    + here.describe());
        }
    }

    private static void checkWorkload(WriteIntent intent, WriteIntent.Workload w) {
        WriteIntent.Belonging b = intent.belonging();
        String since = b.what() == null ? "it was read" : "the " + b.what() + " was made";
        String instead = b.recapture() == null ? "" : ": " + b.recapture();
        if (w.expectedUid() == null || w.expectedUid().isBlank()) {
            throw new WriteRefused("the " + (b.what() == null ? "read" : b.what()) + " does not record the UID of "
                    + w.name() + " (made by an older Pitwall)" + instead);
        }
        Optional<String> now = w.current().get();
        if (now.isEmpty()) {
            throw new WriteRefused(w.name() + " no longer exists" + instead);
        }
        if (!now.get().equals(w.expectedUid())) {
            throw new WriteRefused(w.name() + " was deleted and recreated since " + since + " (UID "
                    + w.expectedUid() + ", now " + now.get() + ")" + instead);
        }
    }

    private Lock.Held lock(WriteIntent intent, TargetIdentity here) {
        Lock.Held local = intent.localLock().map(key -> locks.lock(here.fileKey() + "/" + key, intent.subject()))
                .orElse(() -> { });
        try {
            Lock.Held other = intent.lock().acquire();
            return () -> {
                try {
                    other.close();
                } finally {
                    local.close();
                }
            };
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private Confirmation confirm(WriteIntent intent, Confirmer confirmer) {
        Optional<String> expected = confirmationFor(intent);
        if (expected.isPresent()) {
            return confirmer.confirm(expected.get(), intent.subject());
        }
        return Confirmation.notNeeded(intent.confirm() == WriteIntent.Confirm.AUTOMATIC ? intent.everyday()
                : "not a production connection");
    }

    private String token(WriteIntent intent) {
        return connection.identity(intent.backend()).shortName() + "/" + intent.confirmScope();
    }

    void announce(WriteIntent intent, TargetIdentity here, Confirmation confirmation) {
        Map<String, String> details = new LinkedHashMap<>(intent.details());
        details.put("target", here.describe());
        details.put("confirmation", confirmation.how());
        record(intent, "about-to", details);
    }

    void conclude(WriteIntent intent, Map<String, String> outcome, Throwable failure) {
        Map<String, String> details = new LinkedHashMap<>(outcome);
        if (failure != null) {
            details.put("reason", String.valueOf(failure.getMessage()));
        }
        record(intent, failure == null ? "done" : "failed", details);
    }

    private void record(WriteIntent intent, String stage, Map<String, String> details) {
        audit.record(new AuditEntry(clock.instant(), actor, intent.action() + "." + stage, intent.subject(),
                details));
    }

    private static String noun(BackendKind kind) {
        return switch (kind) {
            case KUBERNETES -> "cluster";
            case PLATFORM -> "platform";
            case REDIS -> "Redis";
        };
    }
}
