package dev.pitwall.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that starts with {@code world} and runs {@code slower} times slower: the wall clock of a command run
 * against a demo whose simulated time runs that many times faster.
 */
public final class SlowerClock extends Clock {

    private final Clock world;
    private final Instant start;
    private final long slower;

    public SlowerClock(Clock world, long slower) {
        this(world, world.instant(), slower);
    }

    private SlowerClock(Clock world, Instant start, long slower) {
        this.world = world;
        this.start = start;
        this.slower = slower;
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.between(start, world.instant()).dividedBy(slower));
    }

    @Override
    public ZoneId getZone() {
        return world.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SlowerClock(world.withZone(zone), start, slower);
    }
}
