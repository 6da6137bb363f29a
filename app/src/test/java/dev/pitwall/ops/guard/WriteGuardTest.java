package dev.pitwall.ops.guard;

import dev.pitwall.model.BackendKind;
import dev.pitwall.model.TargetIdentity;
import dev.pitwall.ops.audit.AuditEntry;
import dev.pitwall.testing.Guards;
import dev.pitwall.testing.MemoryAuditLog;
import dev.pitwall.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's order of checks, its refusals and its audit, on fakes of its ports. */
class WriteGuardTest {

    private final MemoryAuditLog audit = new MemoryAuditLog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T04:00:00Z"));
    private final Guards.TestConnection connection = new Guards.TestConnection();
    private final Guards.MemoryLocks locks = new Guards.MemoryLocks();
    private final WriteGuard guard = new WriteGuard(connection, locks, audit, "alice", clock);
    private final List<String> written = new ArrayList<>();
    private final Guarded<String, String> port = Guarded.of(change -> {
        written.add(change);
        return "ok";
    });
    private String uid = "uid-1";

    private WriteIntent rollback(TargetIdentity stored) {
        return WriteIntent.of("rollback.run", "deployment ns/worker", BackendKind.KUBERNETES)
                .belongingTo(stored, "plan", "capture a new plan with `pitwall rollback plan worker`")
                .workload("deployment ns/worker", "uid-1", () -> Optional.ofNullable(uid))
                .lockedLocally("deployment/ns/worker").confirmedAs("ns/worker");
    }

    private String write(WriteIntent intent, Confirmer confirmer) {
        return guard.perform(intent, confirmer, permit -> port.write(permit, "template"));
    }

    @Test
    void aReadOnlyConnectionIsRefusedFirstAndNothingIsWrittenOrAudited() {
        connection.readOnly = "--read-only";
        connection.identities.clear(); // refused before the target is even looked at
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.yes()))
                .isInstanceOf(WriteRefused.class).hasMessage("refused: read-only connection (--read-only)");
        assertThat(guard.readOnly()).contains("read-only connection (--read-only)");
        assertThat(written).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void aPlanOfAnotherClusterIsRefusedNamingBoth() {
        TargetIdentity other = TargetIdentity.cluster("https://b.example:6443", "b");
        assertThatThrownBy(() -> write(rollback(other), Confirmer.yes())).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: plan belongs to https://b.example:6443 (context b) but this connection is "
                        + "https://a.example:6443 (context a)");
        assertThat(written).isEmpty();
        assertThat(audit.actions()).containsExactly("rollback.run.refused");
        assertThat(locks.held()).isEmpty();
    }

    @Test
    void anotherContextNameOfTheSameApiServerIsTheSameCluster() {
        TargetIdentity alias = TargetIdentity.cluster("HTTPS://A.example:6443/", "admin@a");
        assertThat(write(rollback(alias), Confirmer.yes())).isEqualTo("ok");
    }

    @Test
    void aPlanWithoutIdentityIsRefusedWithHowToCaptureANewOne() {
        assertThatThrownBy(() -> write(rollback(null), Confirmer.yes())).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: this plan was made by an older Pitwall and does not say which cluster it "
                        + "belongs to: capture a new plan with `pitwall rollback plan worker`");
    }

    @Test
    void aRecreatedOrDeletedWorkloadIsAnotherTarget() {
        uid = "uid-2";
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.yes())).isInstanceOf(WriteRefused.class)
                .hasMessage("refused: deployment ns/worker was deleted and recreated since the plan was made (UID "
                        + "uid-1, now uid-2): capture a new plan with `pitwall rollback plan worker`");
        uid = null;
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.yes()))
                .hasMessageStartingWith("refused: deployment ns/worker no longer exists");
        assertThat(written).isEmpty();
    }

    @Test
    void aVanishedContextIsRefused() {
        connection.identities.clear();
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.yes()))
                .hasMessage("refused: this connection has no Kubernetes");
        assertThatThrownBy(() -> guard.admit(BackendKind.KUBERNETES)).isInstanceOf(WriteRefused.class);
    }

    @Test
    void theLockIsHeldWhileWritingAndAnotherOperationIsRefused() {
        AtomicReference<String> inner = new AtomicReference<>();
        guard.perform(rollback(Guards.CLUSTER), Confirmer.yes(), permit -> {
            assertThat(locks.held()).containsExactly(Guards.CLUSTER.fileKey() + "/deployment/ns/worker");
            try {
                write(rollback(Guards.CLUSTER), Confirmer.yes());
            } catch (WriteRefused e) {
                inner.set(e.getMessage());
            }
            return port.write(permit, "template");
        });
        assertThat(inner.get()).startsWith("refused: deployment ns/worker is being changed by another Pitwall "
                + "operation");
        assertThat(locks.held()).isEmpty();
    }

    @Test
    void productionAsksForContextNamespaceAndWorkloadAndTheAuditRecordsHow() {
        connection.production = true;
        assertThat(guard.confirmationFor(rollback(Guards.CLUSTER))).contains("a/ns/worker");
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.typed("ns/worker")))
                .hasMessage("refused: not confirmed: 'ns/worker' is not a/ns/worker (type it exactly)");
        assertThatThrownBy(() -> write(rollback(Guards.CLUSTER), Confirmer.nobody("there is no terminal: "
                + "give --yes"))).hasMessage("refused: deployment ns/worker needs the typed confirmation "
                + "a/ns/worker, and there is no terminal: give --yes");
        assertThat(written).isEmpty();

        write(rollback(Guards.CLUSTER), Confirmer.typed("a/ns/worker"));
        write(rollback(Guards.CLUSTER), Confirmer.yes());
        assertThat(audit.entries()).filteredOn(e -> e.action().equals("rollback.run.about-to"))
                .extracting(e -> e.details().get("confirmation")).containsExactly("typed a/ns/worker", "--yes");
    }

    @Test
    void elsewhereNothingIsAskedAndTheAuditSaysSo() {
        write(rollback(Guards.CLUSTER), Confirmer.nobody("nobody"));
        assertThat(audit.entries().get(0).details()).containsEntry("confirmation",
                "not needed: not a production connection").containsEntry("target",
                "https://a.example:6443 (context a)");
    }

    @Test
    void aboutToBeforeTheFirstWriteAndDoneOrFailedAfterTheLast() {
        guard.perform(rollback(Guards.CLUSTER), Confirmer.yes(), permit -> {
            assertThat(audit.entries()).as("nothing written yet").isEmpty();
            port.write(permit, "configmap");
            assertThat(audit.actions()).containsExactly("rollback.run.about-to");
            port.write(permit, "template");
            permit.note("writes", "2");
            return null;
        });
        assertThat(audit.actions()).containsExactly("rollback.run.about-to", "rollback.run.done");
        assertThat(audit.entries().get(1).details()).containsEntry("writes", "2");

        assertThatThrownBy(() -> guard.perform(rollback(Guards.CLUSTER), Confirmer.yes(), permit -> {
            port.write(permit, "template");
            throw new IllegalStateException("the API server went away");
        })).hasMessage("the API server went away");
        AuditEntry failed = audit.entries().get(audit.entries().size() - 1);
        assertThat(failed.action()).isEqualTo("rollback.run.failed");
        assertThat(failed.details()).containsEntry("reason", "the API server went away");

        int before = audit.entries().size();
        guard.perform(rollback(Guards.CLUSTER), Confirmer.yes(), permit -> "nothing to write");
        assertThat(audit.entries()).as("an operation that wrote nothing leaves no entry").hasSize(before);
    }

    @Test
    void aPermitDoesNotOutliveItsOperation() {
        AtomicReference<Permit> kept = new AtomicReference<>();
        guard.perform(rollback(Guards.CLUSTER), Confirmer.yes(), permit -> {
            kept.set(permit);
            return null;
        });
        assertThatThrownBy(() -> port.write(kept.get(), "late")).isInstanceOf(IllegalStateException.class);
        assertThat(written).isEmpty();
    }

    @Test
    void ofTwoDriversThatReadTheSameVersionOnlyOneTakesTheLease() {
        MemoryLease store = new MemoryLease();
        Lease first = Lease.driver(store, "the canary", "one", Duration.ofMinutes(1), clock);
        Lease second = Lease.driver(store, "the canary", "two", Duration.ofMinutes(1), clock);
        LeaseStore.State before = store.read().orElseThrow();
        first.acquire();
        assertThat(first.version()).isEqualTo("2");
        store.nextRead = before; // the second read the same version as the first, before the first wrote
        assertThatThrownBy(second::acquire).isInstanceOf(LeaseHeld.class)
                .hasMessage("refused: the canary is driven by one until 2026-11-28T04:01:00Z (a driver that "
                        + "stopped lets go then)");
        assertThat(store.conflicts).as("the second's write was answered with a conflict").isEqualTo(1);
        assertThat(store.holder).isEqualTo("one");

        first.acquire();
        assertThat(store.until).as("renewed").isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        second.acquire();
        assertThat(store.holder).as("a lease that ran out is taken over").isEqualTo("two");

        Lease fence = Lease.fence(store, "the canary");
        fence.acquire().close();
        assertThat(fence.version()).as("a fence reads the version and writes nothing").isEqualTo("4");
    }

    /** A lease store that answers a write against an old version with a conflict, like the API server. */
    private static final class MemoryLease implements LeaseStore {
        int version = 1;
        String holder = "";
        Instant until;
        int conflicts;
        State nextRead;

        @Override
        public Optional<State> read() {
            State now = nextRead != null ? nextRead : new State(String.valueOf(version), holder, until);
            nextRead = null;
            return Optional.of(now);
        }

        @Override
        public Optional<String> write(Take take) {
            if (!take.version().equals(String.valueOf(version))) {
                conflicts++;
                return Optional.empty();
            }
            version++;
            holder = take.holder();
            until = take.until();
            return Optional.of(String.valueOf(version));
        }
    }
}
