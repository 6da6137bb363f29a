package dev.pitwall.demo.world;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time. It starts at a fixed instant for a given seed (so the same seed gives the same timestamps) and
 * only moves when the driver ticks it.
 */
public final class SimClock {

    /** Where every demo world starts: a fixed night, so that seeded runs have identical timestamps. */
    public static final Instant EPOCH = Instant.parse("2026-11-27T22:00:00Z");

    private Instant now;

    public SimClock(Instant start) {
        this.now = start;
    }

    public synchronized Instant now() {
        return now;
    }

    /** This simulated time as a {@link java.time.Clock} (UTC), for engines that take one. */
    public java.time.Clock asClock() {
        SimClock sim = this;
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this; // simulated time has no zone of its own: UTC is all it is read in
            }

            @Override
            public Instant instant() {
                return sim.now();
            }
        };
    }

    /** Simulated time elapsed since {@link #EPOCH}-style start. */
    synchronized Instant advance(Duration step) {
        now = now.plus(step);
        return now;
    }
}
