package dev.pitwall.ops.guard;

import java.time.Instant;

/** Another holder's lease has not run out: the write (an evaluation by a second driver) is refused. */
public final class LeaseHeld extends WriteRefused {

    private final String holder;
    private final Instant until;

    LeaseHeld(String what, String holder, Instant until) {
        super(what + " is driven by " + holder + " until " + until + " (a driver that stopped lets go then)");
        this.holder = holder;
        this.until = until;
    }

    public String holder() {
        return holder;
    }

    public Instant until() {
        return until;
    }
}
