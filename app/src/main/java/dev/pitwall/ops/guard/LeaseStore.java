package dev.pitwall.ops.guard;

import java.time.Instant;
import java.util.Optional;

/**
 * A port: an object on a back-end whose metadata carries a lease (who holds it, until when), changed only by an
 * optimistic-concurrency write against the object's version (a Kubernetes resourceVersion), so that of two writers
 * that read the same version exactly one succeeds. Its {@link #write} is a write port: only the guard takes leases.
 */
public interface LeaseStore extends WritePort<LeaseStore.Take, Optional<String>> {

    /** The object now; empty when it does not exist. */
    Optional<State> read();

    /**
     * The object's version and the lease it carries.
     *
     * @param holder who holds the lease, "" when nobody
     * @param until  when it runs out, null when nobody holds it
     */
    record State(String version, String holder, Instant until) {
    }

    /**
     * Sets the lease if the object is still at {@code version}: the answer is the object's new version, or empty
     * when it had changed (nothing written).
     *
     * @param holder "" (and until null) lets the lease go
     */
    record Take(String version, String holder, Instant until) {
    }
}
