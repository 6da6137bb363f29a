package dev.pitwall.ops.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An optimistic-concurrency lock on one object of a back-end ({@link LeaseStore}).
 *
 * <p>A <b>driver</b> lease is taken or renewed by writing its holder and expiry against the version just read: of
 * two drivers that read the same version, the back-end accepts one write and answers the other with a conflict, and
 * the loser, reading again, finds the winner's lease and is refused ({@link LeaseHeld}). It is kept after the
 * operation, until it runs out, so that the others keep off between two evaluations; a driver that stopped lets go
 * when it runs out.
 *
 * <p>A <b>fence</b> takes no lease: it reads the object's version, and every write of the operation is conditioned on
 * it. A control verb (pause, abort) runs under a fence, whoever drives: its own write moves the version, so a
 * driver in the middle of an evaluation, whose next write is conditioned on the version it read, gets a conflict
 * instead of undoing the verb.
 */
public final class Lease implements Lock {

    private static final int TRIES = 5;

    private final LeaseStore store;
    private final String what;
    private final String holder;
    private final Duration duration;
    private final Clock clock;
    private volatile String version;

    private Lease(LeaseStore store, String what, String holder, Duration duration, Clock clock) {
        this.store = store;
        this.what = what;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    /** @param what the object in words ("the canary of deployment ns/name"), for refusals */
    public static Lease driver(LeaseStore store, String what, String holder, Duration duration, Clock clock) {
        return new Lease(store, what, holder, duration, clock);
    }

    public static Lease fence(LeaseStore store, String what) {
        return new Lease(store, what, null, null, null);
    }

    @Override
    public Held acquire() {
        for (int i = 0; i < TRIES; i++) {
            Optional<LeaseStore.State> read = store.read();
            if (read.isEmpty()) {
                version = null; // nothing to hold: the object is gone (or not made yet)
                return () -> { };
            }
            LeaseStore.State now = read.get();
            if (holder == null) {
                version = now.version();
                return () -> { };
            }
            Instant at = clock.instant();
            if (!now.holder().isEmpty() && !now.holder().equals(holder) && now.until() != null
                    && at.isBefore(now.until())) {
                throw new LeaseHeld(what, now.holder(), now.until());
            }
            Optional<String> taken = store.write(new LeaseStore.Take(now.version(), holder, at.plus(duration)));
            if (taken.isPresent()) {
                version = taken.get();
                return () -> { };
            }
        }
        throw new WriteRefused(what + " kept changing while its lease was taken (" + TRIES + " tries)");
    }

    /** The object's version once acquired, which the operation's writes are conditioned on; null when it is gone. */
    public String version() {
        return version;
    }
}
